package dev.uringlab.analysis.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claims about the least-squares line of a metric against a numeric axis ({@code over:}):
 * <ul>
 *   <li>with a compared axis: the slope at treatment against the slope at baseline — the ratio of
 *       slopes (or their difference, when a slope is not positive) with a 95% percentile bootstrap
 *       interval, judged like a relative change ("higher" = the interval lies above 1);</li>
 *   <li>{@link Effect.Linear}: R² of the line through the runs, with its bootstrap interval, against
 *       the claimed minimum.</li>
 * </ul>
 * Resampling is stratified by axis value (each value's runs are resampled among themselves), so
 * every resample still spans the axis and a slope always exists.
 */
public final class Fits {

    private static final long SEED = 0xf17L;
    private static final Pattern NUMBER = Pattern.compile("(-?[0-9.]+(?:[eE]-?[0-9]+)?)\\s*([kmgt]?)(?:i?b)?");

    private Fits() {
    }

    static VerdictResult evaluate(Expectation e, List<Map<String, String>> rows) {
        try {
            return e.compares() ? slopes(e, rows) : linear(e, rows, (Effect.Linear) e.effect());
        } catch (IllegalArgumentException notNumeric) {
            return new VerdictResult(e, Verdict.NOT_MEASURABLE, "", "", "", notNumeric.getMessage(), 0, 0);
        }
    }

    private static VerdictResult slopes(Expectation e, List<Map<String, String>> rows) {
        Map<Double, double[]> base = levels(e, rows, Map.of(e.axis(), e.baseline()));
        Map<Double, double[]> treat = levels(e, rows, Map.of(e.axis(), e.treatment()));
        int nBase = count(base);
        int nTreat = count(treat);
        String tooFew = tooFew(base, 2, e.axis() + "=" + e.baseline(), e.over());
        tooFew = tooFew != null ? tooFew : tooFew(treat, 2, e.axis() + "=" + e.treatment(), e.over());
        if (tooFew != null) {
            return new VerdictResult(e, Verdict.INCONCLUSIVE, "", "", "", tooFew, nBase, nTreat);
        }
        double sb = line(base)[1];
        double st = line(treat)[1];
        boolean ratio = sb > 0 && st > 0;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] stats = new double[Resampling.RESAMPLES];
        for (int i = 0; i < stats.length; i++) {
            double b = line(resample(base, random))[1];
            double t = line(resample(treat, random))[1];
            stats[i] = ratio ? t / b : t - b;
        }
        double[] ci = Resampling.percentileInterval(stats);
        double point = ratio ? st / sb : st - sb;
        String estimate = "slope " + (ratio ? Evaluator.ratioText(point) : (point >= 0 ? "+" : "") + Evaluator.num(point))
                + " (" + Evaluator.num(sb) + " → " + Evaluator.num(st) + " per unit of " + e.over() + ")";
        String test = "least-squares slopes, stratified bootstrap 95% CI of their " + (ratio ? "ratio" : "difference")
                + " (" + Resampling.RESAMPLES + " resamples)";
        double neutral = ratio ? 1 : 0;
        double lo;
        double hi;
        if (e.effect() instanceof Effect.Direction d) {
            lo = d.higher() ? neutral : Double.NEGATIVE_INFINITY;
            hi = d.higher() ? Double.POSITIVE_INFINITY : neutral;
        } else {
            Effect.Relative r = (Effect.Relative) e.effect();
            if (!ratio) {
                return new VerdictResult(e, Verdict.INCONCLUSIVE, estimate, Evaluator.interval(ci), test,
                        "a slope is not positive, so a relative change of slopes has no meaning here", nBase, nTreat);
            }
            lo = r.lo();
            hi = r.hi();
        }
        return Evaluator.decide(e, lo, hi, point, ci, estimate, test, nBase, nTreat, Math.min(nBase, nTreat));
    }

    private static VerdictResult linear(Expectation e, List<Map<String, String>> rows, Effect.Linear l) {
        Map<Double, double[]> points = levels(e, rows, Map.of());
        String tooFew = tooFew(points, 3, "the selection", e.over());
        if (tooFew != null) {
            return new VerdictResult(e, Verdict.INCONCLUSIVE, "", "", "", tooFew, 0, count(points));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] stats = new double[Resampling.RESAMPLES];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = line(resample(points, random))[2];
        }
        double[] line = line(points);
        String estimate = "R² " + Evaluator.num(line[2]) + " (slope " + Evaluator.num(line[1]) + " per unit of " + e.over() + ")";
        return Evaluator.decide(e, l.minR2(), 1, line[2], Resampling.percentileInterval(stats), estimate,
                "least-squares line, stratified bootstrap 95% CI of R² (" + Resampling.RESAMPLES + " resamples)",
                0, count(points), count(points) / points.size());
    }

    /** The metric's values in the finished runs at the selection, grouped by the numeric value of the fitted axis. */
    private static Map<Double, double[]> levels(Expectation e, List<Map<String, String>> rows, Map<String, String> also) {
        Map<Double, List<Double>> byX = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            double[] y = Measurability.valuesAt(e, List.of(row), also);
            if (y.length == 1 && row.get(e.over()) != null) {
                byX.computeIfAbsent(number(row.get(e.over()), e.over()), k -> new ArrayList<>()).add(y[0]);
            }
        }
        Map<Double, double[]> out = new LinkedHashMap<>();
        byX.forEach((x, ys) -> out.put(x, ys.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** A plain number or a size with a k/m/g/t suffix (powers of 1024, as the sweep writes sizes). */
    public static double number(String text, String axis) {
        Matcher m = NUMBER.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("over: " + axis + "=" + text + " is not a number or a size,"
                    + " so nothing can be fitted against it");
        }
        double v = Double.parseDouble(m.group(1));
        int power = "kmgt".indexOf(m.group(2)) + 1;
        return v * Math.pow(1024, m.group(2).isEmpty() ? 0 : power);
    }

    private static String tooFew(Map<Double, double[]> levels, int needed, String where, String over) {
        if (levels.size() < needed) {
            return "no verdict from " + levels.size() + " value(s) of " + over + " at " + where + ": a fit needs "
                    + needed + " or more";
        }
        if (levels.values().stream().anyMatch(v -> v.length < Evaluator.MIN_RUNS)) {
            return "no verdict from one run at a value of " + over + " (" + where + "): set repetitions to 3 or more";
        }
        return null;
    }

    private static int count(Map<Double, double[]> levels) {
        return levels.values().stream().mapToInt(v -> v.length).sum();
    }

    private static Map<Double, double[]> resample(Map<Double, double[]> levels, SplittableRandom random) {
        Map<Double, double[]> out = new LinkedHashMap<>();
        levels.forEach((x, ys) -> {
            double[] r = new double[ys.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = ys[random.nextInt(ys.length)];
            }
            out.put(x, r);
        });
        return out;
    }

    /** {intercept, slope, R²} of the least-squares line through every (x, y). */
    static double[] line(Map<Double, double[]> levels) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (Map.Entry<Double, double[]> level : levels.entrySet()) {
            for (double y : level.getValue()) {
                n++;
                sx += level.getKey();
                sy += y;
            }
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (Map.Entry<Double, double[]> level : levels.entrySet()) {
            double dx = level.getKey() - mx;
            for (double y : level.getValue()) {
                sxx += dx * dx;
                sxy += dx * (y - my);
                syy += (y - my) * (y - my);
            }
        }
        double slope = sxy / sxx;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new double[] {my - slope * mx, slope, r2};
    }
}
