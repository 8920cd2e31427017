package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Numbers;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The probes' own cost, as the kernel's BPF run-time stats measured it in every run (the
 * bpf_* columns): a finding once it exceeds {@link #THRESHOLD_PCT} of the workload's CPU time
 * or of its mean latency in some run, naming the probe that cost the most, so a reader knows
 * the numbers were disturbed. The CPU share says what the probes took from the machine; the
 * latency share (probe ns per I/O over the mean latency) what they could add to each I/O, which
 * matters at low queue depth, where a few hundred ns are a visible part of a 20 µs read.
 */
public final class ProbeCostFinding {

    public static final String NS_PER_IO = "bpf_probe_ns_per_io";
    public static final String SHARE_PCT = "bpf_probe_cpu_share_pct";
    public static final String LATENCY_SHARE_PCT = "bpf_probe_latency_share_pct";
    static final double THRESHOLD_PCT = 2.0;
    private static final String PREFIX = "bpf_";
    private static final String NS_PER_EVENT = "_ns_per_event";
    private static final String EVENTS = "_events";
    private static final String LAT_MEAN_US = "lat_mean_us";

    private ProbeCostFinding() {
    }

    public static Optional<Finding> of(List<RunRecord> runs) {
        Optional<RunRecord> cpu = worstAbove(runs, SHARE_PCT);
        Optional<RunRecord> latency = worstAbove(runs, LATENCY_SHARE_PCT);
        if (cpu.isEmpty() && latency.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("the probes cost up to ");
        cpu.ifPresent(r -> {
            text.append(Numbers.format(r.metrics().get(SHARE_PCT))).append("% of the workload's CPU time (run ")
                    .append(r.runId());
            Double perIo = r.metrics().get(NS_PER_IO);
            if (perIo != null) {
                text.append(", ").append(Numbers.format(perIo)).append(" ns per I/O");
            }
            text.append(")");
        });
        latency.ifPresent(r -> {
            text.append(cpu.isPresent() ? " and up to " : "").append(Numbers.format(r.metrics().get(LATENCY_SHARE_PCT)))
                    .append(cpu.isPresent() ? "% of its mean latency (run " : "% of the workload's mean latency (run ")
                    .append(r.runId()).append(", ").append(Numbers.format(r.metrics().get(NS_PER_IO)))
                    .append(" ns per I/O");
            Double mean = r.metrics().get(LAT_MEAN_US);
            if (mean != null) {
                text.append(" of a ").append(Numbers.format(mean)).append(" µs mean");
            }
            text.append(")");
        });
        costliest(cpu.orElseGet(latency::get)).ifPresent(c -> text.append("; costliest probe: ").append(c));
        text.append("; see the bpf_* columns of runs.csv");
        return Optional.of(new Finding(text.toString(), true));
    }

    /** The ok run with the highest {@code share}, if that is above the threshold. */
    private static Optional<RunRecord> worstAbove(List<RunRecord> runs, String share) {
        return runs.stream().filter(RunRecord::ok).filter(r -> r.metrics().containsKey(share))
                .max(Comparator.comparingDouble(r -> r.metrics().get(share)))
                .filter(r -> r.metrics().get(share) > THRESHOLD_PCT);
    }

    /** "io_uring_enter, 140 ns/event × 52k events": the probe with the most nanoseconds in the run. */
    public static Optional<String> costliest(RunRecord r) {
        return costliest(r.metrics());
    }

    /** The same, from a run's metrics. */
    public static Optional<String> costliest(Map<String, Double> m) {
        return m.keySet().stream().filter(k -> k.startsWith(PREFIX) && k.endsWith(NS_PER_EVENT))
                .map(k -> k.substring(PREFIX.length(), k.length() - NS_PER_EVENT.length()))
                .max(Comparator.comparingDouble(id -> spent(m, id)))
                .map(id -> id + " " + Numbers.format(m.get(PREFIX + id + NS_PER_EVENT)) + " ns/event x "
                        + Numbers.format(m.getOrDefault(PREFIX + id + EVENTS, 0.0)) + " events");
    }

    private static double spent(Map<String, Double> m, String id) {
        return m.getOrDefault(PREFIX + id + NS_PER_EVENT, 0.0) * m.getOrDefault(PREFIX + id + EVENTS, 0.0);
    }
}
