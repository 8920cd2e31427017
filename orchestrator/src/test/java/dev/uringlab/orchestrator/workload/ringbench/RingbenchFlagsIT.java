package dev.uringlab.orchestrator.workload.ringbench;

import dev.uringlab.orchestrator.cli.Main;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.WorkloadCgroup;
import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.uringlab.orchestrator.cli.SweepIT.readCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each ringbench flag changes what the kernel reports, measured through the whole pipeline
 * (experiment file → pinned ringbench → bpftrace tracepoints → runs.csv per-IO columns).
 */
class RingbenchFlagsIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
        Prerequisites.require(Files.isExecutable(RingbenchWorkload.locate()),
                "ringbench not built at " + RingbenchWorkload.locate() + " (make test builds it)");
    }

    @Test
    void fixedFilesForceAsyncAndSqpollShowInTheKernelCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rb.yaml");
        Files.writeString(file, """
                experiments:
                  - name: rb-flags
                    target: {kind: scratch, path: %s, size: 64m}
                    workload: {kind: ringbench, iodepth: 4, runtime: 1}
                    sweep:
                      fixed_files: [false, true, false, false, false]
                      force_async: [0, 0, 1, 0, 0]
                      sqpoll: [false, false, false, true, false]
                      submit_batch: [0, 0, 0, 0, 1]
                      cpus: [irq, irq, irq, all, irq]
                    zip: [[fixed_files, force_async, sqpoll, submit_batch, cpus]]
                    probes: [fget, io_uring_queue_async_work, io_uring_enter, ring_flags]
                    probe_scope: %s
                """.formatted(dir.resolve("scratch.dat"), scope()));
        assertEquals(0, Main.execute("run", file.toString(), "--results", dir.resolve("results").toString()));
        List<Map<String, String>> rows = readCsv(dir.resolve("results/rb-flags/runs.csv"));
        assertEquals(5, rows.size());
        Map<String, String> plain = rows.get(0);
        Map<String, String> fixed = rows.get(1);
        Map<String, String> async = rows.get(2);
        Map<String, String> sqpoll = rows.get(3);
        Map<String, String> eachSqe = rows.get(4);
        for (Map<String, String> row : rows) {
            assertEquals("ok", row.get("status"), row.toString());
            assertTrue(Double.parseDouble(row.get("total_ios")) > 100, row.toString());
        }
        assertBetween(0.9, 1.1, perIo(plain, "fget"), "one io_uring_file_get per IO without fixed files");
        assertBetween(0.0, 0.01, perIo(fixed, "fget"), "no file lookup per IO with registered files");
        assertBetween(0.0, 0.01, perIo(plain, "io_uring_queue_async_work"), "nothing punted to io-wq by default");
        assertBetween(0.9, 1.1, perIo(async, "io_uring_queue_async_work"), "force_async 1 punts every IO");
        assertTrue(perIo(sqpoll, "io_uring_enter") < perIo(plain, "io_uring_enter") / 5,
                "sqpoll needs far fewer io_uring_enter calls: " + perIo(sqpoll, "io_uring_enter") + " vs "
                        + perIo(plain, "io_uring_enter"));
        // QD 4: by default one io_uring_enter submits what a wake-up reaped and waits (~0.25-0.5 per IO);
        // submit_batch 1 adds one enter per SQE, as fio does
        assertTrue(perIo(eachSqe, "io_uring_enter") >= 1.0 && perIo(plain, "io_uring_enter") < 0.75,
                "submit_batch 1 enters once per SQE: " + perIo(eachSqe, "io_uring_enter") + " vs "
                        + perIo(plain, "io_uring_enter") + " by default");
        assertEquals(2.0, Double.parseDouble(sqpoll.get("ring_flags_granted")), "the kernel granted SETUP_SQPOLL");
        assertTrue(Long.parseLong(sqpoll.getOrDefault("ring_flags[2]", "0")) >= 1, "io_uring_create saw flags 0x2");
        assertTrue(Files.exists(dir.resolve("results/rb-flags/runs").resolve(plain.get("run_id")).resolve("ringbench.json")));
    }

    /**
     * These probes are task-scoped: with cgroup v2 they count ringbench alone, so another io_uring user on the
     * host (a parallel build's tests) cannot push a per-IO count out of its band; without it, system-wide.
     */
    private static String scope() {
        return WorkloadCgroup.mount(HostFs.real()).isPresent() ? "workload" : "system";
    }

    private static double perIo(Map<String, String> row, String probe) {
        return Double.parseDouble(row.get(probe + "_per_io"));
    }

    private static void assertBetween(double low, double high, double value, String what) {
        assertTrue(value >= low && value <= high, what + ": " + value + " not in [" + low + ", " + high + "]");
    }
}
