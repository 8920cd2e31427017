package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.BlockDeviceLocator;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.HostWriteException;
import dev.uringlab.orchestrator.host.TargetTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every refusal is one line naming the file and the reason, and leaves the host exactly as it was. */
class RefusalTest {

    @TempDir
    Path dir;

    private HostException refused(FakeHost host, HostKnob knob) throws Exception {
        String before = host.hash();
        Journal journal = Journal.create(dir.resolve("results"), host.root);
        HostException e = assertThrows(HostException.class, () -> knob.apply(journal));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(before, host.hash(), "a refusal must change nothing");
        assertTrue(journal.pending().isEmpty(), "nothing left to undo");
        return e;
    }

    @Test
    void managedNvmeIrqIsRefusedWithEio() throws Exception {
        FakeHost host = FakeHost.server(dir);
        HostException e = refused(host, new IrqAffinityKnob(host.ctx(), 121, "nvme0q1", CpuList.parse("3")));
        assertEquals("IRQ 121 (nvme0q1) affinity: cannot write 3 to /proc/irq/121/smp_affinity_list: Input/output error (EIO);"
                + " the kernel manages this IRQ's affinity (managed IRQ, e.g. an NVMe queue): change the queue layout instead",
                e.getMessage());
        assertEquals("EIO", ((HostWriteException) e).errno());
    }

    @Test
    void idleLatencyIsRefusedWithoutACpuidleDriverBecauseItWouldChangeNothing() throws Exception {
        FakeHost host = FakeHost.vm(dir);
        Files.delete(host.root.resolve("sys/devices/system/cpu/cpuidle/current_driver"));
        HostException e = refused(host, new IdleLatencyKnob(host.ctx(), 1, 0));
        assertEquals("CPU 1 idle latency limit: this host has no cpuidle driver (/sys/devices/system/cpu/cpuidle/current_driver),"
                + " so the limit would change nothing; boot with idle=poll to keep CPUs from halting", e.getMessage());
    }

    @Test
    void vmIrqIsRefusedWithEperm() throws Exception {
        FakeHost host = FakeHost.vm(dir);
        BlockDeviceLocator locator = new BlockDeviceLocator(host.fs());
        TargetTopology vda = new TargetTopology("vda", locator.irqsOf("vda"), locator.onlineCpus());
        List<HostKnob> knobs = IrqAffinityKnob.forDevice(host.ctx(), vda, "virtio1-req.*", CpuList.parse("0"));
        assertEquals(1, knobs.size());
        HostException e = refused(host, knobs.get(0));
        assertEquals("IRQ 36 (virtio1-req.0) affinity: cannot write 0 to /proc/irq/36/smp_affinity_list: Operation not permitted"
                + " (EPERM); this kernel or hypervisor does not allow moving this IRQ", e.getMessage());
    }

    @Test
    void nvmeReloadIsRefusedWhileAFileSystemOnItIsMounted() throws Exception {
        FakeHost host = FakeHost.server(dir);
        HostException e = refused(host, new NvmeQueuesKnob(host.ctx(), NvmeQueueSpec.of(null, 8, null)));
        assertEquals("NVMe queues: cannot reload the nvme driver while /data is mounted from /dev/nvme0n1p1 (ext4)"
                + " (a reload removes every NVMe disk); unmount or close it, or use a target on another driver", e.getMessage());
        assertEquals(0, host.nvme.unloads);
    }

    @Test
    void nvmeReloadIsRefusedWhileTheDeviceIsOpen() throws Exception {
        FakeHost host = FakeHost.server(dir).unmountData();
        Files.createDirectories(host.root.resolve("proc/4242/fd"));
        Files.writeString(host.root.resolve("proc/4242/comm"), "fio\n");
        Files.createSymbolicLink(host.root.resolve("proc/4242/fd/5"), Path.of("/dev/nvme0n1"));
        HostException e = refused(host, new NvmeQueuesKnob(host.ctx(), NvmeQueueSpec.of(null, 8, null)));
        assertTrue(e.getMessage().contains("while /dev/nvme0n1 is open by fio (pid 4242)"), e.getMessage());
    }

    @Test
    void notRootIsRefusedBeforeAnything() throws Exception {
        FakeHost host = FakeHost.server(dir).unmountData();
        host.root_ = false;
        for (HostKnob knob : List.of(new IrqAffinityKnob(host.ctx(), 120, "nvme0q0", CpuList.parse("1")),
                new TurboKnob(host.ctx(), false), new IrqbalanceKnob(host.ctx(), false), new DropCachesKnob(host.ctx()),
                new NvmeQueuesKnob(host.ctx(), NvmeQueueSpec.of(null, 8, null)))) {
            HostException e = refused(host, knob);
            assertTrue(e instanceof NeedsRootException, e.getMessage());
            assertTrue(e.getMessage().contains("needs root (it writes "), e.getMessage());
        }
        assertEquals("IRQ 120 (nvme0q0) affinity needs root (it writes /proc/irq/120/smp_affinity_list): run as root,"
                + " e.g. sudo ./uringlab run",
                assertThrows(NeedsRootException.class, () -> new IrqAffinityKnob(host.ctx(), 120, "nvme0q0",
                        CpuList.parse("1")).check()).getMessage());
    }

    @Test
    void absentDevicesAndControlsAreNamed() throws Exception {
        FakeHost vm = FakeHost.vm(dir);
        assertEquals("IRQ 999 affinity: /proc/irq/999/smp_affinity_list does not exist on this host (no such IRQ)",
                refused(vm, new IrqAffinityKnob(vm.ctx(), 999, null, CpuList.parse("0"))).getMessage());
        assertEquals("turbo: /sys/devices/system/cpu/intel_pstate/no_turbo does not exist on this host and neither does"
                + " /sys/devices/system/cpu/cpufreq/boost (no turbo control: a VM, or a cpufreq driver without boost)",
                refused(vm, new TurboKnob(vm.ctx(), false)).getMessage());
        assertEquals("SMT: /sys/devices/system/cpu/smt/control is 'notsupported', so SMT cannot be switched on this host",
                refused(vm, new SmtKnob(vm.ctx(), false)).getMessage());
        assertTrue(refused(vm, new GovernorKnob(vm.ctx(), 0, "performance")).getMessage().contains("no cpufreq driver"));
        FakeHost server = FakeHost.server(dir.resolve("s")).unmountData();
        assertEquals("NVMe queues: nvme9n1 is not an NVMe disk on this host (NVMe disks: nvme0n1)",
                refused(server, new NvmeQueuesKnob(server.ctx(), new NvmeQueueSpec(null, 8, null, null, 1, "nvme9n1")))
                        .getMessage());
        assertTrue(refused(server, new GovernorKnob(server.ctx(), 0, "ondemand")).getMessage()
                .contains("'ondemand' is not offered"));
        HostException noMatch = assertThrows(HostException.class, () -> IrqAffinityKnob.forDevice(server.ctx(),
                new TargetTopology("nvme0n1", new BlockDeviceLocator(server.fs()).irqsOf("nvme0n1"), CpuList.parse("0-39")),
                "virtio*", CpuList.parse("0")));
        assertTrue(noMatch.getMessage().startsWith("irq_affinity: no IRQ of nvme0n1 matches 'virtio*'"), noMatch.getMessage());
    }

    @Test
    void wantedIrqPlacementIsRetriedUntilItMatches() throws Exception {
        FakeHost host = FakeHost.server(dir, true).unmountData();
        Journal journal = Journal.create(dir.resolve("results"), host.root);
        new NvmeQueuesKnob(host.ctx(), new NvmeQueueSpec(4, 36, 0, CpuList.parse("2,7,12,17"), 3, "nvme0n1")).apply(journal);
        assertEquals(2, host.nvme.loads, "the first reload put the IRQs on 1,6,11,16, the second where wanted");
        assertEquals("2", host.read("/proc/irq/121/effective_affinity_list"));
    }

    @Test
    void wantedIrqPlacementThatNeverComesFailsSayingWhatWasObtained() throws Exception {
        FakeHost host = FakeHost.server(dir, true).unmountData();
        try (HostSession session = HostSession.open(host.ctx(), dir.resolve("results"), System.err)) {
            HostException e = assertThrows(HostException.class, () -> session.applyAll(List.of(new NvmeQueuesKnob(host.ctx(),
                    new NvmeQueueSpec(null, 36, 0, CpuList.parse("0-1"), 2, "nvme0n1")))));
            assertEquals("NVMe queues: after 2 reload(s) the IRQs of nvme0n1 land on CPU(s) 2,7,12,17, not the wanted 0-1"
                    + " (raise attempts, or pick irq_cpus from 'uringlab topology')", e.getMessage());
            assertTrue(session.journal().pending().isEmpty(), "applyAll undid the reloads");
            assertEquals("36", host.read("/sys/module/nvme/parameters/poll_queues"));
        }
    }

    @Test
    void obtainedLayoutIsVerified() throws Exception {
        FakeHost host = FakeHost.server(dir).unmountData();
        Journal journal = Journal.create(dir.resolve("results"), host.root);
        HostException e = assertThrows(HostException.class,
                () -> new NvmeQueuesKnob(host.ctx(), NvmeQueueSpec.of(8, 36, null)).apply(journal));
        assertEquals("NVMe queues: obtained layout differs: nvme0n1 has 4 interrupt-driven queue(s), not 8", e.getMessage());
        assertTrue(journal.pending().isEmpty(), "the parameters were already those: verified without a reload");
        assertEquals(0, host.nvme.loads);
    }
}
