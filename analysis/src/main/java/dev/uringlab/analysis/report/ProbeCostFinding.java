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
 * in some run, naming the probe that cost the most, so a reader knows the numbers were disturbed.
 */
public final class ProbeCostFinding {

    public static final String NS_PER_IO = "bpf_probe_ns_per_io";
    public static final String SHARE_PCT = "bpf_probe_cpu_share_pct";
    static final double THRESHOLD_PCT = 2.0;
    private static final String PREFIX = "bpf_";
    private static final String NS_PER_EVENT = "_ns_per_event";
    private static final String EVENTS = "_events";

    private ProbeCostFinding() {
    }

    public static Optional<Finding> of(List<RunRecord> runs) {
        Optional<RunRecord> worst = runs.stream().filter(RunRecord::ok)
                .filter(r -> r.metrics().containsKey(SHARE_PCT))
                .max(Comparator.comparingDouble(r -> r.metrics().get(SHARE_PCT)));
        if (worst.isEmpty() || worst.get().metrics().get(SHARE_PCT) <= THRESHOLD_PCT) {
            return Optional.empty();
        }
        RunRecord r = worst.get();
        StringBuilder text = new StringBuilder("the probes cost up to ")
                .append(Numbers.format(r.metrics().get(SHARE_PCT))).append("% of the workload's CPU time (run ")
                .append(r.runId());
        Double perIo = r.metrics().get(NS_PER_IO);
        if (perIo != null) {
            text.append(", ").append(Numbers.format(perIo)).append(" ns per I/O");
        }
        text.append(")");
        costliest(r).ifPresent(c -> text.append("; costliest probe: ").append(c));
        text.append("; see the bpf_* columns of runs.csv");
        return Optional.of(new Finding(text.toString(), true));
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
