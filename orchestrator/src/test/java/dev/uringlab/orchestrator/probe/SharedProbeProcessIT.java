package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.orchestrator.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real probe tool kept attached across "runs": each run's counts are what happened in it (a
 * known number of execs of /bin/true for bpftrace; one disk interrupt per I/O at queue depth 1
 * for BCC), the second run reuses the first one's process, and the experiment's end stops it.
 */
class SharedProbeProcessIT {

    private static final ResolvedProbe TRUE_EXECS = new ResolvedProbe("true_execs", "tracepoint", "execs of true",
            "tracepoint:sched:sched_process_exec /comm == \"true\"/ { @true_execs = count(); @true_execs_cpu[cpu] = count(); }",
            null);

    @TempDir
    Path tmp;

    /** Execs /bin/true {@code times} times from one shell; returns that shell's pid (the execs' parent). */
    static long execTrue(int times) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt " + times + " ]; do /bin/true; i=$((i+1)); done")
                .inheritIO().start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0);
        return p.pid();
    }

    private static long execs(ProbeSession session) throws Exception {
        return session.stop().byProbe(List.of("true_execs")).get("true_execs").entrySet().stream()
                .filter(e -> e.getKey().isEmpty()).mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void eachRunGetsExactlyItsOwnCountsFromOneAttachedProgram() throws Exception {
        Path bpftrace = Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
        ProbeBackend backend = ProbeBackend.bpftrace(bpftrace.toString());
        backend.beginExperiment(tmp);
        try {
            ProbeSession first = backend.start(List.of(TRUE_EXECS), List.of(), tmp.resolve("run1"), Duration.ofSeconds(60));
            execTrue(25);
            assertEquals(25, execs(first));
            first.close();
            execTrue(7); // between runs: counted by the program, but in no run

            ProbeSession second = backend.start(List.of(TRUE_EXECS), List.of(), tmp.resolve("run2"), Duration.ofSeconds(60));
            assertEquals(first.pid(), second.pid(), "the second run reuses the attached program");
            execTrue(40);
            assertEquals(40, execs(second));
            assertTrue(Files.exists(tmp.resolve("run2/bpftrace.closing.ndjson")));
            assertTrue(ProcessHandle.of(second.pid()).isPresent());
            long pid = second.pid();
            backend.endExperiment();
            ProcessHandle.of(pid).ifPresent(h -> {
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("bpftrace " + pid + " still running after the experiment ended", e);
                }
            });
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            backend.endExperiment();
        }
    }

    @Test
    void withoutAnExperimentEveryRunStartsItsOwnBpftrace() throws Exception {
        Path bpftrace = Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
        ProbeBackend backend = ProbeBackend.bpftrace(bpftrace.toString());
        ProbeSession run = backend.start(List.of(TRUE_EXECS), List.of(), tmp.resolve("solo"), Duration.ofSeconds(60));
        try {
            execTrue(12);
            assertEquals(12, execs(run));
            assertTrue(Files.exists(tmp.resolve("solo/bpftrace.ndjson")));
        } finally {
            run.close();
        }
    }

    @Test
    void theBccRunnerIsSharedTooAndEachRunGetsItsOwnInterrupts() throws Exception {
        Path fio = BccWorkload.requireHost();
        List<Integer> irqs = BccWorkload.diskIrqs();
        List<ResolvedProbe> probes = BccWorkload.resolve(List.of("irq_per_cpu", "io_uring_enter"));
        ProbeBackend backend = BccBackend.system();
        backend.beginExperiment(tmp);
        try {
            long pid = -1;
            for (int run = 1; run <= 2; run++) {
                ProbeSession session = backend.start(probes, irqs, tmp.resolve("run" + run), Duration.ofSeconds(60));
                if (run == 2) {
                    assertEquals(pid, session.pid(), "the second run reuses the attached runner");
                }
                pid = session.pid();
                long ios = BccWorkload.runFio(fio, Files.createDirectories(tmp.resolve("fio" + run)), 1, 1, 1);
                long interrupts = BccWorkload.sum(session.stop().byProbe(List.of("irq_per_cpu")).get("irq_per_cpu"));
                session.close();
                // QD 1: one completion interrupt per read (two completions rarely share one), plus
                // whatever else the disk did meanwhile; a count from another run would be far off.
                assertTrue(interrupts > ios * 0.95 && interrupts < ios * 1.1 + 50, "run " + run + ": " + interrupts
                        + " interrupts for " + ios + " reads");
                assertTrue(Files.exists(tmp.resolve("run" + run + "/bcc.closing.ndjson")));
            }
            backend.endExperiment();
            long gone = pid;
            ProcessHandle.of(gone).ifPresent(h -> {
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("BCC runner " + gone + " still running after the experiment ended", e);
                }
            });
        } finally {
            backend.endExperiment();
        }
    }
}
