package dev.uringlab.analysis.stats;

import java.util.Arrays;

/**
 * Flags values far from their group's median, by the modified z-score of Iglewicz and Hoaglin
 * (0.6745·|x − median| / MAD &gt; 3.5). The median absolute deviation is used because one stalled
 * run inflates a standard deviation enough to hide itself. Flags only: nothing is ever dropped.
 */
public final class Outliers {

    public static final double THRESHOLD = 3.5;

    private Outliers() {
    }

    /** One flag per value; all false when the group is too small (&lt; 3) or has no spread to judge by. */
    public static boolean[] flag(double[] values) {
        boolean[] flags = new boolean[values.length];
        double[] finite = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
        if (finite.length < 3) {
            return flags;
        }
        double median = median(finite);
        double mad = median(Arrays.stream(finite).map(d -> Math.abs(d - median)).toArray());
        if (mad == 0) {
            return flags;
        }
        for (int i = 0; i < values.length; i++) {
            flags[i] = !Double.isNaN(values[i]) && 0.6745 * Math.abs(values[i] - median) / mad > THRESHOLD;
        }
        return flags;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
