package dev.uringlab.analysis.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Quantiles of Student's t distribution (Apache Commons Statistics), computed rather than tabled
 * so that any number of repetitions gets its exact interval (a table stops at 30 and rounds).
 */
public final class StudentT {

    private StudentT() {
    }

    /** The two-sided critical value: P(|T| &lt;= t) = confidence for {@code df} degrees of freedom. */
    public static double critical(double confidence, double df) {
        if (!(df > 0)) {
            return Double.NaN;
        }
        return TDistribution.of(df).inverseCumulativeProbability(0.5 + confidence / 2);
    }

    /** P(T &lt;= t). */
    public static double cdf(double t, double df) {
        return TDistribution.of(df).cumulativeProbability(t);
    }
}
