package dev.uringlab.analysis.io;

import dev.uringlab.analysis.model.ExperimentManifest;
import dev.uringlab.analysis.model.RunRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A made-up results directory of any size, shaped like a real sweep (iodepth × cpus × engine,
 * repetitions, per-CPU and per-callsite probes), for the plot benchmark. Seeded: the same
 * arguments give the same files.
 */
public final class SyntheticResults {

    private static final List<Long> IODEPTHS = List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L);
    private static final List<String> CPUS = List.of("irq", "non-irq");
    private static final List<String> ENGINES = List.of("io_uring", "libaio", "psync", "posixaio", "ringbench");
    private static final int CONFIGS = IODEPTHS.size() * CPUS.size() * ENGINES.size();

    private SyntheticResults() {
    }

    /** Writes dir/manifest.json and dir/runs/&lt;id&gt;/run.json for {@code runs} runs with {@code metrics} metrics each. */
    public static void generate(Path dir, int runs, int metrics, long seed) throws IOException {
        Files.createDirectories(dir.resolve(ResultsDirectory.RUNS));
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("hostname", "synthetic");
        host.put("kernel", "0.0-synthetic");
        host.put("cpus_online", "0-1");
        Map<String, ExperimentManifest.Probe> probes = new LinkedHashMap<>();
        probes.put("irq_per_cpu", new ExperimentManifest.Probe("tracepoint", "interrupts by CPU", null, false));
        probes.put("io_uring_enter", new ExperimentManifest.Probe("tracepoint", "io_uring_enter() calls by CPU", null, false));
        probes.put("ipi_by_callsite", new ExperimentManifest.Probe("tracepoint", "IPIs keyed by callsite", null, false));
        // The type the sweep writes, with what a synthetic set cannot know left empty.
        ExperimentManifest manifest = new ExperimentManifest(null, null, "synthetic",
                runs + " synthetic runs x " + metrics + " metrics for the plot benchmark", host, null, Map.of(), List.of(), "system",
                probes, runs, null, null, null);
        AtomicFiles.write(dir.resolve(ResultsDirectory.MANIFEST), RunRecordJson.MAPPER.writeValueAsString(manifest));
        try {
            IntStream.range(0, runs).parallel().forEach(i -> write(dir, i, runs, metrics, seed));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void write(Path dir, int i, int runs, int metricCount, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed + i);
        int config = i % CONFIGS;
        int rep = i / CONFIGS + 1;
        long qd = IODEPTHS.get(config % IODEPTHS.size());
        String cpus = CPUS.get(config / IODEPTHS.size() % CPUS.size());
        String engine = ENGINES.get(config / (IODEPTHS.size() * CPUS.size()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("engine", engine);
        params.put("iodepth", qd);
        params.put("cpus", cpus);
        double penalty = cpus.equals("irq") ? 1.0 : 0.83;
        double iops = 9000 * Math.sqrt(qd) * penalty * (1 + 0.05 * rnd.nextGaussian()) * (rnd.nextInt(200) == 0 ? 0.5 : 1);
        double lat = qd * 1e6 / iops;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("iops", iops);
        metrics.put("bw_mb_s", iops * 4096 / 1e6);
        metrics.put("lat_mean_us", lat);
        metrics.put("lat_p50_us", lat * 0.9);
        metrics.put("lat_p95_us", lat * 1.6);
        metrics.put("lat_p99_us", lat * (2.5 + rnd.nextDouble()));
        metrics.put("lat_p99_9_us", lat * 6);
        metrics.put("total_ios", Math.floor(iops * 10));
        metrics.put("runtime_s", 10.0);
        for (int m = metrics.size(); m < metricCount; m++) {
            metrics.put("extra_" + m + "_us", rnd.nextDouble() * 100);
        }
        long ios = (long) Math.floor(iops * 10);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("irq_per_cpu", Map.of("1", ios / Math.max(1, qd / 4)));
        counts.put("io_uring_enter", Map.of(cpus.equals("irq") ? "1" : "0", ios));
        counts.put("ipi_by_callsite", Map.of("ttwu_queue_wakelist", cpus.equals("irq") ? ios / 500 : ios / 15,
                "generic_exec_single", 100L + rnd.nextInt(50)));
        Map<String, String> variants = new LinkedHashMap<>();
        counts.keySet().forEach(p -> variants.put(p, "tracepoint"));
        String id = String.format("engine-%s_iodepth-%d_cpus-%s_r%d_%08x", engine.replace("_", ""), qd, cpus.replace("-", ""), rep, i);
        RunRecord run = new RunRecord("synthetic", id, i + 1, rep, RunRecord.OK, null, params, cpus, cpus.equals("irq") ? "1" : "0",
                "synthetic", variants, metrics, counts, "2026-01-01T00:00:00Z", 11, 10);
        try {
            Path runDir = dir.resolve(ResultsDirectory.RUNS).resolve(id);
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve("run.json"), RunRecordJson.write(run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
