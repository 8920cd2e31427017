package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.CpuList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every knob changes the fake tree and its restore gives it back byte for byte; restoring again changes nothing. */
class HostKnobsTest {

    @TempDir
    Path dir;

    private void roundTrip(FakeHost host, Function<KnobContext, List<HostKnob>> knobs, Runnable checkChanged) throws Exception {
        String before = host.hash();
        Path copyBefore = HostTrees.copy(host.root, dir.resolve("before"));
        Journal journal = Journal.create(dir.resolve("results"), host.root);
        for (HostKnob knob : knobs.apply(host.ctx())) {
            knob.apply(journal);
        }
        assertNotEquals(before, host.hash(), "the knob changed nothing");
        checkChanged.run();
        Restorer.Report report = Restorer.restore(Journal.open(journal.file()), host.ctx());
        assertTrue(report.ok(), report.failures().toString());
        assertEquals(before, host.hash(), "not restored: " + HostTrees.differences(copyBefore, host.root));
        int writes = host.kernel.writes.get();
        Restorer.Report again = Restorer.restore(Journal.open(journal.file()), host.ctx());
        assertEquals(0, again.restored());
        assertEquals(report.restored(), again.alreadyRestored());
        assertEquals(writes, host.kernel.writes.get(), "a second restore must not write");
        assertEquals(before, host.hash());
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    @Test
    void irqAffinityOfTheUnmanagedAdminQueue() throws Exception {
        FakeHost host = FakeHost.server(dir);
        roundTrip(host, ctx -> List.of(new IrqAffinityKnob(ctx, 120, "nvme0q0", CpuList.parse("20-21"))), () -> {
            try {
                check(host.read("/proc/irq/120/smp_affinity_list").equals("20-21"), "smp_affinity_list");
                check(host.read("/proc/irq/120/effective_affinity_list").equals("20"), "effective");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void turboOff() throws Exception {
        FakeHost host = FakeHost.server(dir);
        roundTrip(host, ctx -> List.of(new TurboKnob(ctx, false)), () -> check(read(host, TurboKnob.NO_TURBO).equals("1"), "no_turbo"));
    }

    @Test
    void smtOff() throws Exception {
        FakeHost host = FakeHost.server(dir);
        roundTrip(host, ctx -> List.of(new SmtKnob(ctx, false)), () -> check(read(host, SmtKnob.CONTROL).equals("off"), "smt"));
    }

    @Test
    void governorPerCpu() throws Exception {
        FakeHost host = FakeHost.server(dir);
        roundTrip(host, ctx -> GovernorKnob.forCpus(ctx, CpuList.parse("0-3,20"), "performance"),
                () -> check(read(host, "/sys/devices/system/cpu/cpu20/cpufreq/scaling_governor").equals("performance"), "governor"));
    }

    @Test
    void idleLatencyPollOnlyOnEveryCpu() throws Exception {
        FakeHost host = FakeHost.server(dir);
        roundTrip(host, ctx -> IdleLatencyKnob.forCpus(ctx, CpuList.parse("0-39"), 0), () -> {
            check(read(host, "/sys/devices/system/cpu/cpu0/power/pm_qos_resume_latency_us").equals("n/a"), "cpu0 limit");
            check(read(host, "/sys/devices/system/cpu/cpu39/power/pm_qos_resume_latency_us").equals("n/a"), "cpu39 limit");
        });
    }

    @Test
    void aRunsKnobsAreUndoneAtItsEndAndTheExperimentsStay() throws Exception {
        FakeHost host = FakeHost.server(dir);
        String before = host.hash();
        try (HostSession session = HostSession.open(host.ctx(), dir.resolve("results"), System.err)) {
            session.apply(new TurboKnob(host.ctx(), false));
            int mark = session.mark();
            for (HostKnob knob : IdleLatencyKnob.forCpus(host.ctx(), CpuList.parse("0-1"), 0)) {
                session.apply(knob);
            }
            assertEquals("n/a", read(host, "/sys/devices/system/cpu/cpu1/power/pm_qos_resume_latency_us"));
            Restorer.Report run = session.restoreTo(mark);
            assertEquals(2, run.restored());
            assertEquals("0", read(host, "/sys/devices/system/cpu/cpu1/power/pm_qos_resume_latency_us"));
            assertEquals("1", read(host, TurboKnob.NO_TURBO), "the experiment's change stays for its next run");
        }
        assertEquals(before, host.hash(), "closing the session undoes the rest");
    }

    @Test
    void irqbalanceStop() throws Exception {
        FakeHost host = FakeHost.server(dir);
        roundTrip(host, ctx -> List.of(new IrqbalanceKnob(ctx, false)),
                () -> check(!dev.uringlab.orchestrator.host.Irqbalance.running(host.fs()), "still running"));
        assertEquals(1, host.services.stops);
        assertEquals(1, host.services.starts);
    }

    @Test
    void nvmeQueueLayoutByDriverReload() throws Exception {
        FakeHost host = FakeHost.server(dir).unmountData();
        roundTrip(host, ctx -> List.of(new NvmeQueuesKnob(ctx, NvmeQueueSpec.of(20, 20, 4))), () -> {
            // 40 CPUs + 4 + 20 queues asked, the controller's 40 granted: 20 poll, 20 with IRQs (4 write + 16 read).
            check(read(host, "/sys/module/nvme/parameters/poll_queues").equals("20"), "poll_queues");
            check(host.fs().list("/sys/block/nvme0n1/mq").size() == 40, "hw queues");
            check(host.fs().list("/" + FakeNvme.PCI + "/msi_irqs").size() == 21, "vectors");
        });
        assertEquals(2, host.nvme.loads, "one reload to apply, one to restore");
    }

    @Test
    void nothingIsJournaledWhenTheValueIsAlreadyThere() throws Exception {
        FakeHost host = FakeHost.server(dir);
        Journal journal = Journal.create(dir.resolve("results"), host.root);
        new SmtKnob(host.ctx(), true).apply(journal);
        new IrqbalanceKnob(host.ctx(), true).apply(journal);
        assertTrue(journal.entries().isEmpty());
        assertFalse(Files.exists(journal.file()), "a sweep that changes nothing leaves no journal");
    }

    @Test
    void dropCachesWritesAndJournalsNothing() throws Exception {
        FakeHost host = FakeHost.server(dir);
        String before = host.hash();
        Journal journal = Journal.create(dir.resolve("results"), host.root);
        new DropCachesKnob(host.ctx()).apply(journal);
        assertEquals(1, host.kernel.dropCaches.get());
        assertTrue(journal.entries().isEmpty());
        assertEquals(before, host.hash());
    }

    @Test
    void planLinesSayWhatChanges() throws Exception {
        FakeHost host = FakeHost.server(dir);
        KnobContext ctx = host.ctx();
        assertEquals("IRQ 120 (nvme0q0) affinity: /proc/irq/120/smp_affinity_list 0-39 -> 20",
                new IrqAffinityKnob(ctx, 120, "nvme0q0", CpuList.parse("20")).plan());
        assertEquals("irqbalance: running -> stopped (systemctl stop irqbalance)", new IrqbalanceKnob(ctx, false).plan());
        assertEquals("turbo: /sys/devices/system/cpu/intel_pstate/no_turbo 0 -> 1", new TurboKnob(ctx, false).plan());
        assertEquals("CPU 3 idle latency limit: /sys/devices/system/cpu/cpu3/power/pm_qos_resume_latency_us 0 -> n/a"
                + " (idle states left: POLL)", new IdleLatencyKnob(ctx, 3, 0).plan());
        assertEquals("CPU 3 idle latency limit: /sys/devices/system/cpu/cpu3/power/pm_qos_resume_latency_us 0 -> 10"
                + " (idle states left: POLL, C1, C1E)", new IdleLatencyKnob(ctx, 3, 10).plan());
        assertEquals("NVMe queues: reload nvme (poll_queues=36 write_queues=0 -> poll_queues=8 write_queues=0)",
                new NvmeQueuesKnob(ctx, NvmeQueueSpec.of(null, 8, null)).plan());
    }

    private static String read(FakeHost host, String abs) {
        try {
            return host.read(abs);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
