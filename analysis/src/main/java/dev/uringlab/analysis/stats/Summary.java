package dev.uringlab.analysis.stats;

import java.util.Arrays;

/**
 * One group's repetitions of one measure: mean, sample standard deviation, 95% confidence
 * interval of the mean (Student t), extremes and n. With n = 1 the spread and the interval are
 * NaN: one run says nothing about its own variance, and pretending otherwise hides that.
 */
public record Summary(int n, double mean, double stddev, double ciLow, double ciHigh, double min, double max) {

    public static final double CONFIDENCE = 0.95;

    public static Summary of(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
        int n = v.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            mean += d;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        mean /= n;
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, Double.NaN, Double.NaN, min, max);
        }
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = critical(n - 1) * sd / Math.sqrt(n);
        return new Summary(n, mean, sd, mean - half, mean + half, min, max);
    }

    // The t quantile by degrees of freedom, computed once: by iteration it was the largest single cost of stats.csv.
    private static final double[] CRITICAL = new double[1024];
    private static final java.util.Map<Integer, Double> LARGE_DF = new java.util.concurrent.ConcurrentHashMap<>();

    private static double critical(int df) {
        if (df >= CRITICAL.length) {
            return LARGE_DF.computeIfAbsent(df, d -> StudentT.critical(CONFIDENCE, d));
        }
        double t = CRITICAL[df];
        if (t == 0) {
            t = StudentT.critical(CONFIDENCE, df);
            CRITICAL[df] = t; // a race computes the same value twice, harmlessly
        }
        return t;
    }

    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }

    /** Half the interval's width; 0 when there is no interval, so error bars simply vanish. */
    public double halfWidth() {
        return hasInterval() ? (ciHigh - ciLow) / 2 : 0;
    }

    /** True when both intervals exist and share any point: the difference is then not established. */
    public boolean overlaps(Summary other) {
        return hasInterval() && other.hasInterval() && ciLow <= other.ciHigh && other.ciLow <= ciHigh;
    }
}
