package dev.uringlab.analysis;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, exactly known sweep: iodepth 1/16 × cpus irq/non-irq × 3 repetitions. */
public final class TestRuns {

    private TestRuns() {
    }

    public static List<RunRecord> sweep() {
        List<RunRecord> runs = new ArrayList<>();
        int index = 0;
        for (long qd : new long[] {1, 16}) {
            for (String cpus : new String[] {"irq", "non-irq"}) {
                for (int rep = 1; rep <= 3; rep++) {
                    index++;
                    double iops = (qd == 1 ? 10000 : 60000) * (cpus.equals("irq") ? 1.0 : 0.8) + rep * 100;
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("engine", "io_uring");
                    params.put("iodepth", qd);
                    params.put("cpus", cpus);
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    metrics.put("iops", iops);
                    metrics.put("lat_mean_us", qd * 1e6 / iops);
                    metrics.put("lat_p50_us", qd * 0.9e6 / iops);
                    metrics.put("lat_p95_us", qd * 1.5e6 / iops);
                    metrics.put("lat_p99_us", qd * 2e6 / iops);
                    metrics.put("lat_p99_9_us", qd * 4e6 / iops);
                    metrics.put("total_ios", iops * 2);
                    metrics.put("runtime_s", 2.0);
                    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
                    counts.put("irq_per_cpu", Map.of("1", (long) (iops * 2 / qd)));
                    counts.put("ipi_by_callsite", Map.of("ttwu_queue_wakelist", cpus.equals("irq") ? 0L : (long) (iops * 2 * 0.06)));
                    counts.put("bytes", Map.of("[4096, 8191]", 90L, "[8192, 16383]", 10L));
                    String id = "iodepth-" + qd + "_cpus-" + cpus.replace("-", "") + "_r" + rep + "_0000000" + index;
                    runs.add(new RunRecord("test", id, index, rep, RunRecord.OK, null, params, cpus, cpus.equals("irq") ? "1" : "0",
                            "scratch", Map.of("irq_per_cpu", "tracepoint", "ipi_by_callsite", "tracepoint", "bytes", "tracepoint"),
                            metrics, counts, "2026-11-23T12:00:00Z", 3, 2));
                }
            }
        }
        return runs;
    }

    /** Writes the sweep as a results directory with a manifest. */
    public static Path write(Path dir) throws IOException {
        for (RunRecord r : sweep()) {
            AtomicFiles.write(dir.resolve("runs").resolve(r.runId()).resolve("run.json"), RunRecordJson.write(r));
        }
        AtomicFiles.write(dir.resolve("manifest.json"), """
                {"experiment": "test", "description": "a test sweep",
                 "host": {"hostname": "box", "kernel": "6.1.0-test", "cpus_online": "0-1"},
                 "tools": {"workload": "fio-3.33", "bpftrace": "bpftrace v0.17.0"},
                 "probes": {"irq_per_cpu": {"meaning": "interrupts by CPU"}, "ipi_by_callsite": {"meaning": "IPIs by callsite"}}}
                """);
        return dir;
    }
}
