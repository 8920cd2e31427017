package dev.uringlab.orchestrator.noise;

import dev.uringlab.analysis.report.NoisyHostFinding;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The noisy-host label: a run during which other work used more than a threshold of CPU time
 * (see {@link HostCpuMeter}) gets the {@code host_other_cpu_pct} column and a warning, which the
 * progress line prints and the report counts. System-wide probes count every task's events, so
 * such a run's counts hold other processes' work (16,955 fget for 883 I/Os in an SQPOLL run
 * measured beside parallel test suites), and its timings competed with that work.
 */
public final class NoisyHost {

    /**
     * Percent of one CPU. A quiet host's own housekeeping (kworkers, journald, sshd, this JVM's
     * neighbours) stays in low single digits; a single busy process anywhere shows as ~100. 10
     * sits well above the first and an order below the second, so a label means a real neighbour.
     */
    public static final double DEFAULT_THRESHOLD_PCT = 10;

    private NoisyHost() {
    }

    /** {@code metrics} plus {@code host_other_cpu_pct} when the meter has both readings. */
    public static Map<String, Double> addTo(HostCpuMeter meter, Map<String, Double> metrics) {
        if (meter == null) {
            return metrics;
        }
        OptionalDouble other = meter.otherCpuPct();
        if (other.isEmpty()) {
            return metrics;
        }
        Map<String, Double> out = new LinkedHashMap<>(metrics);
        out.put(NoisyHostFinding.METRIC, other.getAsDouble());
        return out;
    }

    /** The run's label when other work went above the threshold. */
    public static Optional<String> warning(Map<String, Double> metrics, double thresholdPct) {
        Double other = metrics.get(NoisyHostFinding.METRIC);
        if (other == null || other <= thresholdPct) {
            return Optional.empty();
        }
        return Optional.of(NoisyHostFinding.WARNING_PREFIX + String.format(Locale.ROOT,
                "other processes used %.0f%% of a CPU during the run (above %s%%, see run --noisy-above): system-wide"
                        + " probe counts include their events, and they competed with the workload", other,
                thresholdText(thresholdPct)));
    }

    /** The threshold as the user wrote it on --noisy-above: 10, 2.5, never 10.0. */
    static String thresholdText(double thresholdPct) {
        return new java.math.BigDecimal(thresholdPct).stripTrailingZeros().toPlainString();
    }
}
