package dev.uringlab.analysis.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The median of a small sample with a percentile-bootstrap 95% interval: the A/B overhead
 * benchmark has a handful of pair ratios and no reason to assume they are normal. The seed is
 * fixed so that the same ratios always print the same interval.
 */
public record BootstrapMedian(double median, double low, double high) {

    private static final int RESAMPLES = 10_000;

    public static BootstrapMedian of(List<Double> sample) {
        double[] x = sample.stream().mapToDouble(Double::doubleValue).toArray();
        if (x.length == 0) {
            return new BootstrapMedian(Double.NaN, Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(42);
        double[] medians = new double[RESAMPLES];
        double[] resample = new double[x.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < x.length; i++) {
                resample[i] = x[random.nextInt(x.length)];
            }
            medians[r] = median(resample);
        }
        Arrays.sort(medians);
        return new BootstrapMedian(median(x.clone()), medians[(int) (0.025 * RESAMPLES)],
                medians[(int) Math.ceil(0.975 * RESAMPLES) - 1]);
    }

    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
