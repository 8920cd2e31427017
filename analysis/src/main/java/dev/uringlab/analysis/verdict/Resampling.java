package dev.uringlab.analysis.verdict;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Percentile bootstrap of the ratio of two means; seeded, so a report is the same every time it is rendered. */
final class Resampling {

    static final int RESAMPLES = 4000;
    private static final long SEED = 0x5eed_15L;

    private Resampling() {
    }

    /** Ratio of means treatment/baseline; 0/0 counts as no change (both sides never saw the event). */
    static double ratio(double[] treatment, double[] baseline) {
        double t = mean(treatment);
        double b = mean(baseline);
        if (b == 0) {
            return t == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return t / b;
    }

    /** The 95% percentile interval {lo, hi} of the ratio of means, each group resampled on its own. */
    static double[] ratioInterval(double[] treatment, double[] baseline) {
        return interval(treatment, baseline, Resampling::ratio);
    }

    /** The 95% percentile interval {lo, hi} of the difference of means treatment − baseline. */
    static double[] differenceInterval(double[] treatment, double[] baseline) {
        return interval(treatment, baseline, (t, b) -> mean(t) - mean(b));
    }

    private static double[] interval(double[] treatment, double[] baseline,
                                     java.util.function.ToDoubleBiFunction<double[], double[]> statistic) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] ratios = new double[RESAMPLES];
        double[] t = new double[treatment.length];
        double[] b = new double[baseline.length];
        for (int i = 0; i < RESAMPLES; i++) {
            for (int j = 0; j < t.length; j++) {
                t[j] = treatment[random.nextInt(t.length)];
            }
            for (int j = 0; j < b.length; j++) {
                b[j] = baseline[random.nextInt(b.length)];
            }
            ratios[i] = statistic.applyAsDouble(t, b);
        }
        return percentileInterval(ratios);
    }

    /** The 2.5th and 97.5th percentiles of bootstrap statistics {lo, hi}. */
    static double[] percentileInterval(double[] statistics) {
        double[] sorted = statistics.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new double[] {sorted[(int) Math.floor(0.025 * (n - 1))], sorted[(int) Math.ceil(0.975 * (n - 1))]};
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double sd(double[] values) {
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return values.length < 2 ? 0 : Math.sqrt(ss / (values.length - 1));
    }
}
