package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.KernelWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A multi-knob change that dies after any step (or between journaling a step and making it)
 * is undone by a restore from the journal alone, in a fresh "process", byte for byte.
 */
class CrashRestoreTest {

    @TempDir
    Path dir;

    /** Thrown by the crashing kernel: stands for the process dying, so nothing catches it on the way. */
    static final class PowerCut extends Error {
    }

    static List<HostKnob> sweepKnobs(KnobContext ctx) {
        List<HostKnob> knobs = new ArrayList<>();
        knobs.add(new IrqbalanceKnob(ctx, false));
        knobs.add(new NvmeQueuesKnob(ctx, NvmeQueueSpec.of(null, 8, null)));
        knobs.add(new IrqAffinityKnob(ctx, 120, "nvme0q0", CpuList.parse("21")));
        knobs.add(new TurboKnob(ctx, false));
        knobs.add(new SmtKnob(ctx, false));
        knobs.addAll(GovernorKnob.forCpus(ctx, CpuList.parse("0-1"), "performance"));
        return knobs;
    }

    @Test
    void crashAfterEachStepThenRestore() throws Exception {
        int steps = sweepKnobs(FakeHost.server(dir.resolve("probe")).ctx()).size();
        for (int crashAfter = 0; crashAfter <= steps; crashAfter++) {
            FakeHost host = FakeHost.server(dir.resolve("after" + crashAfter)).unmountData();
            String before = host.hash();
            Path results = dir.resolve("results" + crashAfter);
            Journal journal = Journal.create(results, host.root);
            List<HostKnob> knobs = sweepKnobs(host.ctx());
            for (int i = 0; i < crashAfter; i++) {
                knobs.get(i).apply(journal);
            }
            // the process is gone: a new one finds the journal on disk and restores
            FakeHost fresh = FakeHost.existingServer(host.root);
            Journal found = Journal.newestUnder(results).map(this::open).orElse(null);
            if (crashAfter > 0) {
                Restorer.Report report = Restorer.restore(found, fresh.ctx());
                assertTrue(report.ok(), report.failures().toString());
            }
            assertEquals(before, host.hash(), "crash after step " + crashAfter);
        }
    }

    @Test
    void crashBetweenJournalingAStepAndMakingItThenRestore() throws Exception {
        int writesInSweep = 5; // IRQ, turbo, SMT, two governors; irqbalance and nvme act through systemctl and modprobe
        for (int crashAtWrite = 1; crashAtWrite <= writesInSweep; crashAtWrite++) {
            FakeHost host = FakeHost.server(dir.resolve("mid" + crashAtWrite)).unmountData();
            String before = host.hash();
            Path results = dir.resolve("r" + crashAtWrite);
            AtomicInteger count = new AtomicInteger();
            int limit = crashAtWrite;
            KernelWriter crashing = (file, hostPath, value) -> {
                if (count.incrementAndGet() == limit) {
                    throw new PowerCut();
                }
                host.kernel.write(file, hostPath, value);
            };
            KnobContext ctx = new KnobContext(new HostFs(host.root, crashing), host.nvme, host.services, () -> true, () -> {
            }, Duration.ZERO);
            Journal journal = Journal.create(results, host.root);
            assertThrows(PowerCut.class, () -> {
                for (HostKnob knob : sweepKnobs(ctx)) {
                    knob.apply(journal);
                }
            }, "write " + crashAtWrite);
            Restorer.Report report = Restorer.restore(open(journal.file()), host.ctx());
            assertTrue(report.ok(), report.failures().toString());
            assertEquals(before, host.hash(), "crash at write " + crashAtWrite);
        }
    }

    @Test
    void crashWithTheNvmeDriverUnloadedThenRestore() throws Exception {
        FakeHost host = FakeHost.server(dir).unmountData();
        String before = host.hash();
        ModuleLoader dyingAfterUnload = new ModuleLoader() {
            @Override
            public void unload(String module) throws dev.uringlab.orchestrator.host.HostException {
                host.nvme.unload(module);
            }

            @Override
            public void load(String module, java.util.Map<String, String> params) {
                throw new PowerCut();
            }
        };
        KnobContext ctx = new KnobContext(host.fs(), dyingAfterUnload, host.services, () -> true, () -> {
        }, Duration.ZERO);
        Journal journal = Journal.create(dir.resolve("results"), host.root);
        assertThrows(PowerCut.class, () -> new NvmeQueuesKnob(ctx, NvmeQueueSpec.of(null, 8, null)).apply(journal));
        assertTrue(!dev.uringlab.orchestrator.host.NvmeDriver.loaded(host.fs()), "the crash left nvme unloaded");
        Restorer.Report report = Restorer.restore(open(journal.file()), host.ctx());
        assertTrue(report.ok(), report.failures().toString());
        assertEquals(before, host.hash());
    }

    @Test
    void crashWhileRestoringThenRestoreAgain() throws Exception {
        FakeHost host = FakeHost.server(dir).unmountData();
        String before = host.hash();
        Journal journal = Journal.create(dir.resolve("results"), host.root);
        for (HostKnob knob : sweepKnobs(host.ctx())) {
            knob.apply(journal);
        }
        AtomicInteger count = new AtomicInteger();
        KernelWriter crashing = (file, hostPath, value) -> {
            if (count.incrementAndGet() == 3) {
                throw new PowerCut();
            }
            host.kernel.write(file, hostPath, value);
        };
        KnobContext dying = new KnobContext(new HostFs(host.root, crashing), host.nvme, host.services, () -> true, () -> {
        }, Duration.ZERO);
        assertThrows(PowerCut.class, () -> Restorer.restore(open(journal.file()), dying));
        Restorer.Report report = Restorer.restore(open(journal.file()), host.ctx());
        assertTrue(report.ok(), report.failures().toString());
        assertEquals(2, report.alreadyRestored(), "the two undone before the crash are marked");
        assertEquals(before, host.hash());
    }

    private Journal open(Path file) {
        try {
            return Journal.open(file);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
