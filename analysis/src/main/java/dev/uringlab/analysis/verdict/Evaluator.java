package dev.uringlab.analysis.verdict;

import dev.uringlab.analysis.stats.StudentT;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides one expectation from the runs of runs.csv (one map per row, column → cell).
 * <ul>
 *   <li>direction: one-sided Mann-Whitney U (Commons Statistics; exact without ties), α = 0.05;
 *       the bootstrap interval of the ratio of means is shown alongside;</li>
 *   <li>relative change: 95% percentile bootstrap interval of the ratio of means, against the bound;</li>
 *   <li>difference: 95% percentile bootstrap interval of the difference of means, against the bound;</li>
 *   <li>absolute bound: 95% Student-t interval of the mean, against the bound;</li>
 *   <li>rank (highest/lowest): the direction test of the candidate against every other selection,
 *       reproduced only if each one holds (an intersection-union test: no multiplicity correction is
 *       needed, since every comparison must succeed on its own at α).</li>
 * </ul>
 * Reproduced when the evidence lies wholly on the claimed side, not reproduced when it wholly
 * excludes the claim, inconclusive otherwise — with the repetitions the observed spread says
 * would decide it.
 */
public final class Evaluator {

    static final double ALPHA = 0.05;
    /** One run is an anecdote: below this many runs on a side, no verdict. */
    static final int MIN_RUNS = 2;
    private static final double Z_ALPHA = 1.645;
    private static final double Z_POWER = 0.842;

    private Evaluator() {
    }

    public static List<VerdictResult> evaluate(List<Expectation> expectations, List<Map<String, String>> rows) {
        List<VerdictResult> out = new ArrayList<>();
        for (Expectation e : expectations) {
            out.add(evaluate(e, rows));
        }
        return out;
    }

    public static VerdictResult evaluate(Expectation e, List<Map<String, String>> rows) {
        String unmeasurable = Measurability.reason(e, rows);
        if (unmeasurable != null) {
            return new VerdictResult(e, Verdict.NOT_MEASURABLE, "", "", "", unmeasurable, 0, 0);
        }
        if (e.ranks()) {
            return rank(e, (Effect.Rank) e.effect(), rows);
        }
        if (e.fits()) {
            return Fits.evaluate(e, rows);
        }
        if (!e.compares()) {
            double[] values = Measurability.values(e, rows, null);
            return absolute(e, values);
        }
        double[] baseline = Measurability.values(e, rows, e.baseline());
        double[] treatment = Measurability.values(e, rows, e.treatment());
        if (baseline.length < MIN_RUNS || treatment.length < MIN_RUNS) {
            return new VerdictResult(e, Verdict.INCONCLUSIVE, "", "", "", "no verdict from " + baseline.length + " vs "
                    + treatment.length + " runs: set repetitions to 3 or more", baseline.length, treatment.length);
        }
        if (e.effect() instanceof Effect.Difference diff) {
            return difference(e, diff, baseline, treatment);
        }
        return e.effect() instanceof Effect.Direction d ? direction(e, d, baseline, treatment) : relative(e, (Effect.Relative) e.effect(), baseline, treatment);
    }

    private static VerdictResult direction(Expectation e, Effect.Direction d, double[] baseline, double[] treatment) {
        double ratio = Resampling.ratio(treatment, baseline);
        double[] ci = Resampling.ratioInterval(treatment, baseline);
        String test = "Mann-Whitney U, one-sided, α=0.05";
        if (allEqual(baseline, treatment)) {
            return new VerdictResult(e, Verdict.NOT_REPRODUCED, ratioText(ratio), interval(ci), test,
                    "every run measured the same value on both sides: no difference", baseline.length, treatment.length);
        }
        double[] p = pValues(d, baseline, treatment);
        double pClaimed = p[0];
        double pOpposite = p[1];
        String estimate = ratioText(ratio);
        if (pClaimed <= ALPHA) {
            return new VerdictResult(e, Verdict.REPRODUCED, estimate, interval(ci), test, "p = " + num(pClaimed),
                    baseline.length, treatment.length);
        }
        if (pOpposite <= ALPHA) {
            return new VerdictResult(e, Verdict.NOT_REPRODUCED, estimate, interval(ci), test,
                    "the opposite direction holds, p = " + num(pOpposite), baseline.length, treatment.length);
        }
        return new VerdictResult(e, Verdict.INCONCLUSIVE, estimate, interval(ci), test,
                "p = " + num(pClaimed) + "; " + repetitionsForDifference(baseline, treatment), baseline.length, treatment.length);
    }

    /**
     * Each other selection is the baseline of one direction test. Any opposite result decides "not
     * reproduced"; otherwise the weakest comparison (largest p) is the one reported and, when
     * undecided, the one whose repetitions are estimated.
     */
    private static VerdictResult rank(Expectation e, Effect.Rank r, List<Map<String, String>> rows) {
        Effect.Direction d = new Effect.Direction(r.text(), r.highest());
        double[] candidate = Measurability.valuesAt(e, rows, e.candidate());
        VerdictResult weakest = null;
        double weakestP = Double.NEGATIVE_INFINITY;
        List<Map<String, String>> others = e.ranked().subList(0, e.ranked().size() - 1);
        for (Map<String, String> other : others) {
            double[] baseline = Measurability.valuesAt(e, rows, other);
            String vs = " (vs " + Verdicts.selectionText(other) + ")";
            if (baseline.length < MIN_RUNS || candidate.length < MIN_RUNS) {
                return new VerdictResult(e, Verdict.INCONCLUSIVE, "", "", "", "no verdict from " + baseline.length
                        + " vs " + candidate.length + " runs" + vs + ": set repetitions to 3 or more", baseline.length,
                        candidate.length);
            }
            VerdictResult one = direction(e, d, baseline, candidate);
            VerdictResult named = new VerdictResult(e, one.verdict(), one.estimate(), one.interval(),
                    one.test() + ", against each of " + others.size(), one.detail() + vs, one.baselineRuns(),
                    one.treatmentRuns());
            if (one.verdict() == Verdict.NOT_REPRODUCED) {
                return named;
            }
            // Equal p values (3 against 3 fully separated always give 0.05): the closer mean is the weaker link.
            double weakness = pValues(d, baseline, candidate)[0] - 1e-9 * Math.abs(Math.log(Resampling.ratio(candidate, baseline)));
            if (weakness > weakestP) {
                weakestP = weakness;
                weakest = named;
            }
        }
        return weakest;
    }

    /** One-sided Mann-Whitney U p values: {in the claimed direction, in the opposite one}. */
    private static double[] pValues(Effect.Direction d, double[] baseline, double[] treatment) {
        MannWhitneyUTest u = MannWhitneyUTest.withDefaults();
        AlternativeHypothesis claimed = d.higher() ? AlternativeHypothesis.GREATER_THAN : AlternativeHypothesis.LESS_THAN;
        AlternativeHypothesis opposite = d.higher() ? AlternativeHypothesis.LESS_THAN : AlternativeHypothesis.GREATER_THAN;
        return new double[] {u.with(claimed).test(treatment, baseline).getPValue(),
                u.with(opposite).test(treatment, baseline).getPValue()};
    }

    private static VerdictResult relative(Expectation e, Effect.Relative r, double[] baseline, double[] treatment) {
        double ratio = Resampling.ratio(treatment, baseline);
        double[] ci = Resampling.ratioInterval(treatment, baseline);
        String test = "bootstrap 95% CI of the ratio of means (" + Resampling.RESAMPLES + " resamples)";
        return decide(e, r.lo(), r.hi(), ratio, ci, ratioText(ratio), test, baseline.length, treatment.length,
                Math.min(baseline.length, treatment.length));
    }

    private static VerdictResult difference(Expectation e, Effect.Difference d, double[] baseline, double[] treatment) {
        double diff = Resampling.mean(treatment) - Resampling.mean(baseline);
        double[] ci = Resampling.differenceInterval(treatment, baseline);
        String test = "bootstrap 95% CI of the difference of means (" + Resampling.RESAMPLES + " resamples)";
        return decide(e, d.lo(), d.hi(), diff, ci, (diff >= 0 ? "+" : "") + num(diff), test, baseline.length,
                treatment.length, Math.min(baseline.length, treatment.length));
    }

    private static VerdictResult absolute(Expectation e, double[] values) {
        if (values.length < MIN_RUNS) {
            return new VerdictResult(e, Verdict.INCONCLUSIVE, values.length == 1 ? num(values[0]) : "", "", "",
                    "no verdict from " + values.length + " run(s): set repetitions to 3 or more", 0, values.length);
        }
        double mean = Resampling.mean(values);
        double half = StudentT.critical(0.95, values.length - 1) * Resampling.sd(values) / Math.sqrt(values.length);
        Effect.Absolute a = (Effect.Absolute) e.effect();
        return decide(e, a.lo(), a.hi(), mean, new double[] {mean - half, mean + half}, num(mean),
                "Student-t 95% CI of the mean", 0, values.length, values.length);
    }

    /** Interval inside the claimed region: reproduced; disjoint from it: not reproduced; straddling: inconclusive. */
    static VerdictResult decide(Expectation e, double lo, double hi, double point, double[] ci, String estimate,
                                        String test, int nBase, int nTreat, int n) {
        if (ci[0] >= lo && ci[1] <= hi) {
            return new VerdictResult(e, Verdict.REPRODUCED, estimate, interval(ci), test, "the interval lies within "
                    + e.effect().text(), nBase, nTreat);
        }
        if (ci[1] < lo || ci[0] > hi) {
            return new VerdictResult(e, Verdict.NOT_REPRODUCED, estimate, interval(ci), test, "the interval excludes "
                    + e.effect().text(), nBase, nTreat);
        }
        double margin = Math.min(Math.abs(point - lo), Math.abs(point - hi));
        double halfWidth = (ci[1] - ci[0]) / 2;
        String need;
        if (margin == 0 || !Double.isFinite(halfWidth)) {
            need = "the estimate sits on the bound: no number of repetitions would decide it";
        } else {
            // An interval narrows like 1/sqrt(n): it clears the bound once its half-width is below the margin.
            long needed = (long) Math.ceil(n * Math.pow(halfWidth / margin, 2));
            need = "about " + Math.max(needed, n + 1) + " repetitions per side would decide it at the observed spread";
        }
        return new VerdictResult(e, Verdict.INCONCLUSIVE, estimate, interval(ci), test,
                "the interval straddles the bound; " + need, nBase, nTreat);
    }

    /** Per-group n of a one-sided two-sample comparison, α = 0.05, power 0.8, at the observed difference and spread. */
    static String repetitionsForDifference(double[] baseline, double[] treatment) {
        double diff = Math.abs(Resampling.mean(treatment) - Resampling.mean(baseline));
        double sd = Math.sqrt((Math.pow(Resampling.sd(baseline), 2) + Math.pow(Resampling.sd(treatment), 2)) / 2);
        if (diff == 0) {
            return "no difference observed: no number of repetitions would show it";
        }
        long n = (long) Math.ceil(2 * Math.pow((Z_ALPHA + Z_POWER) * sd / diff, 2));
        return "about " + Math.max(n, Math.max(baseline.length, treatment.length) + 1)
                + " repetitions per side would decide it at the observed spread";
    }

    private static boolean allEqual(double[] a, double[] b) {
        double first = a[0];
        for (double v : a) {
            if (v != first) {
                return false;
            }
        }
        for (double v : b) {
            if (v != first) {
                return false;
            }
        }
        return true;
    }

    static String ratioText(double ratio) {
        return "×" + num(ratio);
    }

    static String interval(double[] ci) {
        return "[" + num(ci[0]) + ", " + num(ci[1]) + "]";
    }

    static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        return Math.abs(v) >= 1000 || Math.abs(v) < 0.001 ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
