package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uringlab.orchestrator.testing.Prerequisites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts of one shared bpftrace land on the run they happened in, back to back and with the
 * host loaded (CPU hogs on every CPU, and a stranger exec'ing the same program all along). Each
 * run's events are keyed by the pid of the shell that made them, so a dump read for the wrong
 * run shows up as another run's shell or another run's count, whatever else the host does; a
 * system-wide count cannot tell the two apart, which is why the probe here is keyed.
 */
class SharedDumpAttributionIT {

    private static final ResolvedProbe TRUE_BY_PARENT = new ResolvedProbe("true_by_parent", "tracepoint",
            "execs of true by the pid of their parent",
            "tracepoint:sched:sched_process_exec /comm == \"true\"/ { @true_by_parent[curtask->real_parent->tgid] = count(); }",
            null);

    @TempDir
    Path tmp;

    @Test
    void backToBackRunsWithVeryDifferentCountsEachGetTheirOwnUnderLoad() throws Exception {
        Path bpftrace = Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
        List<Process> load = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() + 1; i++) {
            load.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
        load.add(new ProcessBuilder("sh", "-c", "while :; do /bin/true; done").start()); // the stranger
        ProbeBackend backend = ProbeBackend.bpftrace(bpftrace.toString());
        backend.beginExperiment(tmp);
        Map<Long, Integer> expected = new HashMap<>();
        try {
            for (int run = 0; run < 8; run++) {
                int times = run % 2 == 0 ? 3 : 150;
                ProbeSession session = backend.start(List.of(TRUE_BY_PARENT), List.of(), tmp.resolve("run" + run),
                        Duration.ofSeconds(60));
                long shell = SharedProbeProcessIT.execTrue(times);
                Map<String, Long> counts = session.stop().byProbe(List.of("true_by_parent")).get("true_by_parent");
                session.close();
                SharedProbeProcessIT.execTrue(20); // between runs: in no run
                expected.put(shell, times);
                assertEquals(times, counts.getOrDefault(Long.toString(shell), 0L), "run " + run + ": " + counts);
                for (Map.Entry<Long, Integer> other : expected.entrySet()) {
                    if (other.getKey() != shell) {
                        assertEquals(0L, counts.getOrDefault(Long.toString(other.getKey()), 0L),
                                "run " + run + " holds events of an earlier run's shell " + other.getKey() + ": " + counts);
                    }
                }
            }
        } finally {
            backend.endExperiment();
            load.forEach(Process::destroyForcibly);
        }
    }
}
