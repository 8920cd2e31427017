package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every run's probe cost, measured for real by the kernel's BPF run-time stats, on both
 * backends: the bpf_* columns are filled, the progress line says it, and the sysctl the sweep
 * switched on is back to what it was.
 */
public class ProbeCostIT {

    private static final Path STATS = Path.of("/proc/sys/kernel/bpf_stats_enabled");

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireTool("bpftool");
        Prerequisites.requireRoot();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bpftrace", "bcc"})
    void everyRunHasItsProbeCost(String backend, @TempDir Path dir) throws Exception {
        if (backend.equals("bcc")) {
            Prerequisites.require(Files.exists(Path.of("/usr/lib/python3/dist-packages/bcc")),
                    "python3-bpfcc missing (make deps runs scripts/install-bcc.sh)");
        }
        String statsBefore = Files.readString(STATS).strip();
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, """
                experiments:
                  - name: it-cost
                    backend: %s
                    target: {kind: scratch, path: %s, size: 64m}
                    workload: {kind: fio, engine: io_uring, rw: randread, bs: 4k, iodepth: 16, runtime: 2}
                    sweep:
                      cpus: [irq, non-irq]
                    probes: [irq_per_cpu, ipi_by_callsite, kick_process, io_uring_enter]
                """.formatted(backend, dir.resolve("scratch.dat")));
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("run", file.toString(), "--results", dir.resolve("results").toString());
        } finally {
            System.setOut(oldOut);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertEquals(0, code, printed);
        assertTrue(printed.contains(" ns/IO,") && printed.contains("% of workload CPU, ")
                && printed.contains("% of mean latency (costliest "), printed);
        List<Map<String, String>> rows = SweepIT.readCsv(dir.resolve("results/it-cost/runs.csv"));
        assertEquals(2, rows.size());
        for (Map<String, String> row : rows) {
            assertTrue(Double.parseDouble(row.get("bpf_probe_cpu_ms")) > 0, row.toString());
            assertTrue(Double.parseDouble(row.get("bpf_probe_ns_per_io")) > 0, row.toString());
            assertTrue(Double.parseDouble(row.get("bpf_probe_cpu_share_pct")) > 0, row.toString());
            double latencyShare = Double.parseDouble(row.get("bpf_probe_latency_share_pct"));
            assertEquals(Double.parseDouble(row.get("bpf_probe_ns_per_io")) / 10 / Double.parseDouble(row.get("lat_mean_us")),
                    latencyShare, latencyShare * 1e-3, "ns per I/O over the mean latency, in percent");
            // every io_uring_enter of fio's run is an event of that probe, each costing some ns
            assertTrue(Double.parseDouble(row.get("bpf_io_uring_enter_events")) > 0, row.toString());
            double ns = Double.parseDouble(row.get("bpf_io_uring_enter_ns_per_event"));
            assertTrue(ns > 1 && ns < 100_000, "ns/event " + ns);
            // io_uring_enter's syscall tracepoint, and only it, carries the cost BPF stats cannot see
            assertEquals(1.0, Double.parseDouble(row.get("bpf_probe_syscall_tracepoints")), row.toString());
            assertEquals(1.0, Double.parseDouble(row.get("bpf_io_uring_enter_syscall_tracepoint")), row.toString());
            assertFalse(row.containsKey("bpf_irq_per_cpu_syscall_tracepoint"), row.toString());
        }
        String report = Files.readString(dir.resolve("results/it-cost/report.html"));
        assertTrue(report.contains("io_uring_enter sits on a syscall tracepoint (2 of 2 runs)")
                && report.contains("uringlab overhead FILE measures it as IOPS lost"), "the report names the probe");
        assertEquals(statsBefore, Files.readString(STATS).strip(), "kernel.bpf_stats_enabled restored");
    }
}
