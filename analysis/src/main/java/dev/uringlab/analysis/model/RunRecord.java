package dev.uringlab.analysis.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything known about one run: what was asked (params), where it ran (resolved CPUs, probe
 * variants), what happened (status, timings) and what was measured (metrics, probe counts).
 * This is the contract between the orchestrator, which writes run.json, and the analysis,
 * which may read it years later on another machine.
 *
 * @param probeVariants probe id → the variant that ran ("tracepoint", "kprobe") or "unavailable: reason"
 * @param probeCounts   probe id → map key (cpu, return value, callsite, …; "" for a scalar) → count
 * @param host          the host state the run ran under (IRQ → CPU map, queues, governor, …)
 * @param warnings      what makes the run doubtful without failing it, e.g. an IRQ that moved during it
 * @param samples       per-iteration values in the order measured (e.g. ringbench stall latencies), by name with unit
 */
public record RunRecord(
        String experiment,
        String runId,
        int index,
        int repetition,
        String status,
        String error,
        Map<String, Object> params,
        String cpuSet,
        String cpus,
        String target,
        Map<String, String> probeVariants,
        Map<String, Double> metrics,
        Map<String, Map<String, Long>> probeCounts,
        String startedAt,
        double wallSeconds,
        double workloadSeconds,
        Map<String, Object> host,
        java.util.List<String> warnings,
        Map<String, java.util.List<Double>> samples) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /** A run without host state or warnings (imported, synthetic or test runs). */
    public RunRecord(String experiment, String runId, int index, int repetition, String status, String error,
                     Map<String, Object> params, String cpuSet, String cpus, String target,
                     Map<String, String> probeVariants, Map<String, Double> metrics,
                     Map<String, Map<String, Long>> probeCounts, String startedAt, double wallSeconds,
                     double workloadSeconds) {
        this(experiment, runId, index, repetition, status, error, params, cpuSet, cpus, target, probeVariants, metrics,
                probeCounts, startedAt, wallSeconds, workloadSeconds, Map.of(), java.util.List.of(), Map.of());
    }

    /** A run without per-iteration samples. */
    public RunRecord(String experiment, String runId, int index, int repetition, String status, String error,
                     Map<String, Object> params, String cpuSet, String cpus, String target,
                     Map<String, String> probeVariants, Map<String, Double> metrics,
                     Map<String, Map<String, Long>> probeCounts, String startedAt, double wallSeconds,
                     double workloadSeconds, Map<String, Object> host, java.util.List<String> warnings) {
        this(experiment, runId, index, repetition, status, error, params, cpuSet, cpus, target, probeVariants, metrics,
                probeCounts, startedAt, wallSeconds, workloadSeconds, host, warnings, Map.of());
    }

    public RunRecord {
        host = frozen(host);
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
        LinkedHashMap<String, java.util.List<Double>> ownSamples = new LinkedHashMap<>();
        if (samples != null) {
            samples.forEach((k, v) -> ownSamples.put(k, java.util.List.copyOf(v)));
        }
        samples = Collections.unmodifiableMap(ownSamples);
        // Compact, shared-key maps: an analysis of 100,000 runs must fit the launcher's 512 MiB heap.
        params = CompactMaps.of(params);
        probeVariants = CompactMaps.of(probeVariants);
        metrics = CompactMaps.of(metrics);
        LinkedHashMap<String, Map<String, Long>> counts = new LinkedHashMap<>();
        if (probeCounts != null) {
            probeCounts.forEach((k, v) -> {
                java.util.TreeMap<String, Long> sorted = new java.util.TreeMap<>(ProbeKeys.ORDER);
                sorted.putAll(v);
                counts.put(k, CompactMaps.of(sorted));
            });
        }
        probeCounts = CompactMaps.of(counts);
        experiment = CompactMaps.intern(experiment);
        status = CompactMaps.intern(status);
        cpuSet = CompactMaps.intern(cpuSet);
        cpus = CompactMaps.intern(cpus);
        target = CompactMaps.intern(target);
    }

    public RunRecord withError(String newError) {
        return new RunRecord(experiment, runId, index, repetition, status, newError, params, cpuSet, cpus, target,
                probeVariants, metrics, probeCounts, startedAt, wallSeconds, workloadSeconds, host, warnings, samples);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** The sum over all keys of one probe's map; 0 when the probe fired never. */
    public long probeTotal(String probeId) {
        Map<String, Long> byKey = probeCounts.get(probeId);
        if (byKey == null) {
            return 0;
        }
        long sum = 0;
        for (Long v : byKey.values()) {
            sum += v;
        }
        return sum;
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
