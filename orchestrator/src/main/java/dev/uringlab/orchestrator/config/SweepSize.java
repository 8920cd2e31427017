package dev.uringlab.orchestrator.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How many runs a file asks for, counted from its axes before anything is expanded, so that a
 * sweep of a million runs is refused in a millisecond with a line that says what it would cost,
 * instead of ending in OutOfMemoryError while being planned.
 */
public final class SweepSize {

    /** Above this a sweep is almost certainly a mistake (a day of 10 s runs is ~8,000). */
    public static final long DEFAULT_MAX_RUNS = 20_000;
    /**
     * Measured beyond the workload on a quiet 2-CPU host (bench/orchestration-overhead.sh, issue 14):
     * what one more run adds (dumps, snapshots, run.json, runs.csv) and what each experiment pays once
     * (probe compile and attach, report and figures).
     */
    static final double OVERHEAD_PER_RUN_S = 0.05;
    static final double OVERHEAD_PER_EXPERIMENT_S = 2.5;

    private SweepSize() {
    }

    /** At most this many runs (exclusions can only remove some); saturates instead of overflowing. */
    public static long runs(Experiment e) {
        long n = Math.max(1, e.repetitions());
        Set<String> zipped = new HashSet<>();
        for (List<String> group : e.sweep().zip()) {
            zipped.addAll(group);
            n = times(n, group.isEmpty() ? 1 : e.sweep().axes().getOrDefault(group.get(0), List.of(1)).size());
        }
        for (Map.Entry<String, List<Object>> axis : e.sweep().axes().entrySet()) {
            if (!zipped.contains(axis.getKey())) {
                n = times(n, Math.max(1, axis.getValue().size()));
            }
        }
        return n;
    }

    /** Seconds per run: runtime + ramp_time (their mean where swept) + the measured per-run overhead. */
    public static double secondsPerRun(Experiment e) {
        return mean(e, "runtime", 10) + mean(e, "ramp_time", 0) + OVERHEAD_PER_RUN_S;
    }

    private static double seconds(Experiment e) {
        return runs(e) * secondsPerRun(e) + OVERHEAD_PER_EXPERIMENT_S;
    }

    /** Refuses a file whose experiments add up to more than {@code maxRuns}; otherwise returns the total. */
    public static long check(ExperimentFile file, long maxRuns) throws ConfigException {
        long total = 0;
        double seconds = 0;
        for (Experiment e : file.experiments()) {
            long runs = runs(e);
            total = total + runs < 0 ? Long.MAX_VALUE : total + runs;
            seconds += seconds(e);
            if (total > maxRuns) {
                throw new ConfigException(e.position(), String.format(Locale.ROOT,
                        "experiment '%s' asks for %,d runs (%s), about %s at %.1f s per run; more than %,d runs is refused"
                                + " as a likely mistake: narrow the axes, or if you mean it, add --max-runs %d",
                        e.name(), runs, factors(e), duration(seconds), secondsPerRun(e), maxRuns,
                        total == Long.MAX_VALUE ? Long.MAX_VALUE : total));
            }
        }
        return total;
    }

    /** "8 runs, about 1m49s" for the line printed before a sweep starts. */
    public static String summary(ExperimentFile file) {
        long total = 0;
        double seconds = 0;
        for (Experiment e : file.experiments()) {
            total += runs(e);
            seconds += seconds(e);
        }
        return String.format(Locale.ROOT, "%,d run(s), about %s (workload time plus %.2f s per run and %.1f s per experiment;"
                + " finished runs are skipped)", total, duration(seconds), OVERHEAD_PER_RUN_S, OVERHEAD_PER_EXPERIMENT_S);
    }

    static String factors(Experiment e) {
        StringBuilder s = new StringBuilder();
        e.sweep().axes().forEach((k, v) -> s.append(s.isEmpty() ? "" : " x ").append(v.size()).append(' ').append(k));
        if (e.repetitions() > 1) {
            s.append(s.isEmpty() ? "" : " x ").append(e.repetitions()).append(" repetitions");
        }
        return s.isEmpty() ? "no axes" : s.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%.1f days", s / 86_400.0);
        }
        if (s >= 3600) {
            return (s / 3600) + "h" + String.format(Locale.ROOT, "%02dm", (s % 3600) / 60);
        }
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02ds", s % 60) : s + "s";
    }

    private static long times(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static double mean(Experiment e, String option, double fallback) {
        List<Object> swept = e.sweep().axes().get(option);
        if (swept != null && !swept.isEmpty()) {
            return swept.stream().mapToDouble(SweepSize::number).average().orElse(fallback);
        }
        Object v = e.workload().options().get(option);
        return v == null ? fallback : number(v);
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
