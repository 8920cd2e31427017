package dev.uringlab.analysis.stats;

/**
 * How much a group differs from a baseline, as a fraction of the baseline mean (−0.17 = 17% less),
 * with a 95% interval from the delta method and Welch–Satterthwaite degrees of freedom, which
 * needs no equal-variance assumption between, say, an IRQ CPU and a non-IRQ CPU.
 *
 * @param overlap the two groups' own 95% intervals overlap: the report warns instead of claiming a difference
 */
public record RelativeChange(double change, double ciLow, double ciHigh, boolean overlap, Summary baseline, Summary other) {

    public static RelativeChange of(Summary baseline, Summary other) {
        double ratio = other.mean() / baseline.mean();
        double change = ratio - 1;
        if (!baseline.hasInterval() || !other.hasInterval() || baseline.mean() == 0) {
            return new RelativeChange(change, Double.NaN, Double.NaN, false, baseline, other);
        }
        double va = baseline.stddev() * baseline.stddev() / baseline.n();
        double vb = other.stddev() * other.stddev() / other.n();
        double relVar = va / (baseline.mean() * baseline.mean()) + (other.mean() == 0 ? 0 : vb / (other.mean() * other.mean()));
        double se = other.mean() == 0 ? Math.sqrt(vb) / Math.abs(baseline.mean()) : Math.abs(ratio) * Math.sqrt(relVar);
        double dfDenominator = va * va / (baseline.n() - 1) + vb * vb / (other.n() - 1);
        double df = dfDenominator == 0 ? baseline.n() + other.n() - 2 : (va + vb) * (va + vb) / dfDenominator;
        double half = StudentT.critical(Summary.CONFIDENCE, df) * se;
        return new RelativeChange(change, change - half, change + half, baseline.overlaps(other), baseline, other);
    }

    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }
}
