package dev.uringlab.orchestrator.workload.command;

import java.util.Arrays;
import java.util.List;

/** Summary statistics over a command's invocations, named so the unit suffix stays last. */
final class CommandStats {

    private static final List<String> SUFFIXES = List.of("_mb_s", "_pct", "_us", "_ns", "_s");

    private CommandStats() {
    }

    /** "wall_us" + "p99" → "wall_p99_us"; "iops" + "p99" → "iops_p99": the unit stays readable by Metrics.unitOf. */
    static String name(String metric, String stat) {
        for (String suffix : SUFFIXES) {
            if (metric.endsWith(suffix) && metric.length() > suffix.length()) {
                return metric.substring(0, metric.length() - suffix.length()) + "_" + stat + suffix;
            }
        }
        return metric + "_" + stat;
    }

    /** Linear interpolation between closest ranks (numpy's default), so p50 of 1..4 is 2.5. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 1) {
            return sorted[0];
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static double stdev(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sum = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(sum / (values.length - 1));
    }
}
