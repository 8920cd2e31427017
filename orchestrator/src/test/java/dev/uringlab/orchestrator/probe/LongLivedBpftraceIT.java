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
 * One real bpftrace kept attached across "runs": each run's counts are exactly what happened in
 * it (a known number of execs of /bin/true), and the second run reuses the first one's process.
 */
class LongLivedBpftraceIT {

    private static final ResolvedProbe TRUE_EXECS = new ResolvedProbe("true_execs", "tracepoint", "execs of true",
            "tracepoint:sched:sched_process_exec /comm == \"true\"/ { @true_execs = count(); @true_execs_cpu[cpu] = count(); }",
            null);

    @TempDir
    Path tmp;

    private static void execTrue(int times) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt " + times + " ]; do /bin/true; i=$((i+1)); done")
                .inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
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
}
