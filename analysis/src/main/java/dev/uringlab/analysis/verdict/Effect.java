package dev.uringlab.analysis.verdict;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expected effect of a claim, parsed from the words an experiment file uses:
 * {@code higher}/{@code lower} (a direction), {@code ">= 90% fewer"}, {@code ">= 20% more"},
 * {@code "within ±5%"} (a relative change, treatment over baseline), {@code "<= +250"}, {@code ">= +10"},
 * {@code "within ±20"} (a difference treatment − baseline, in the metric's unit), or {@code "< 0.01"},
 * {@code "between 0.8 and 1.2"} (an absolute bound on the metric), or {@code highest}/{@code lowest}
 * (a rank: the last of several compared selections against each of the others), or {@code linear} /
 * {@code "linear, R² >= 0.9"} (with {@code over:}, how close to a line the runs lie; R² ≥ 0.95 unless given).
 */
public sealed interface Effect permits Effect.Direction, Effect.Relative, Effect.Difference, Effect.Absolute, Effect.Rank,
        Effect.Linear {

    /** The words as written, for tables. */
    String text();

    /** Treatment higher (or lower) than baseline. */
    record Direction(String text, boolean higher) implements Effect {
    }

    /** The ratio treatment/baseline lies in [lo, hi]. */
    record Relative(String text, double lo, double hi) implements Effect {
        boolean contains(double ratio) {
            return ratio >= lo && ratio <= hi;
        }
    }

    /** The difference treatment − baseline lies in [lo, hi] (the metric's unit). */
    record Difference(String text, double lo, double hi) implements Effect {
    }

    /** The metric lies in [lo, hi] (open ends for "<" and ">"; strictness is immaterial for intervals). */
    record Absolute(String text, double lo, double hi) implements Effect {
        boolean contains(double value) {
            return value >= lo && value <= hi;
        }
    }

    /** The last compared selection is above (or below) every other one. */
    record Rank(String text, boolean highest) implements Effect {
    }

    /** The least-squares line over the fitted axis explains at least {@code minR2} of the variance. */
    record Linear(String text, double minR2) implements Effect {
    }

    double DEFAULT_MIN_R2 = 0.95;
    Pattern LINEAR = Pattern.compile("linear(?:\\s*,\\s*(?:r²|r2|r\\^2)\\s*(?:>=|≥)\\s*([0-9.]+))?");

    Pattern RELATIVE = Pattern.compile("(>=|≥|<=|≤)\\s*([0-9.]+)\\s*%\\s*(fewer|less|lower|more|higher)");
    Pattern WITHIN = Pattern.compile("within\\s*(±|\\+-|\\+/-)\\s*([0-9.]+)\\s*%");
    /** An explicit '+' marks a difference, so "<= +250" is never read as the bound "<= 250". */
    Pattern DIFFERENCE = Pattern.compile("(<=|≤|>=|≥)\\s*\\+\\s*([0-9.]+(?:[eE]-?[0-9]+)?)");
    Pattern WITHIN_DIFFERENCE = Pattern.compile("within\\s*(±|\\+-|\\+/-)\\s*([0-9.]+(?:[eE]-?[0-9]+)?)");
    Pattern BOUND = Pattern.compile("(<=|≤|<|>=|≥|>)\\s*(-?[0-9.]+(?:[eE]-?[0-9]+)?)");
    Pattern BETWEEN = Pattern.compile("between\\s+(-?[0-9.]+)\\s+and\\s+(-?[0-9.]+)");

    /** @throws IllegalArgumentException with what is accepted */
    static Effect parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("higher") || t.equals("more")) {
            return new Direction(text, true);
        }
        if (t.equals("lower") || t.equals("fewer") || t.equals("less")) {
            return new Direction(text, false);
        }
        if (t.equals("highest") || t.equals("lowest")) {
            return new Rank(text, t.equals("highest"));
        }
        Matcher m = LINEAR.matcher(t);
        if (m.matches()) {
            double r2 = m.group(1) == null ? DEFAULT_MIN_R2 : number(m.group(1), text);
            if (r2 <= 0 || r2 > 1) {
                throw new IllegalArgumentException("'" + text + "': R² lies between 0 and 1");
            }
            return new Linear(text, r2);
        }
        m = RELATIVE.matcher(t);
        if (m.matches()) {
            double pct = number(m.group(2), text) / 100;
            boolean atLeast = m.group(1).equals(">=") || m.group(1).equals("≥");
            boolean more = m.group(3).equals("more") || m.group(3).equals("higher");
            if (!more && pct > 1) {
                throw new IllegalArgumentException("'" + text + "': more than 100% fewer is impossible");
            }
            double edge = more ? 1 + pct : 1 - pct;
            if (more) {
                return atLeast ? new Relative(text, edge, Double.POSITIVE_INFINITY) : new Relative(text, 1, edge);
            }
            return atLeast ? new Relative(text, Double.NEGATIVE_INFINITY, edge) : new Relative(text, edge, 1);
        }
        m = WITHIN.matcher(t);
        if (m.matches()) {
            double pct = number(m.group(2), text) / 100;
            return new Relative(text, 1 - pct, 1 + pct);
        }
        m = WITHIN_DIFFERENCE.matcher(t);
        if (m.matches()) {
            double d = number(m.group(2), text);
            return new Difference(text, -d, d);
        }
        m = DIFFERENCE.matcher(t);
        if (m.matches()) {
            double d = number(m.group(2), text);
            return m.group(1).startsWith("<") || m.group(1).equals("≤")
                    ? new Difference(text, Double.NEGATIVE_INFINITY, d) : new Difference(text, d, Double.POSITIVE_INFINITY);
        }
        m = BETWEEN.matcher(t);
        if (m.matches()) {
            double lo = number(m.group(1), text);
            double hi = number(m.group(2), text);
            if (lo > hi) {
                throw new IllegalArgumentException("'" + text + "': the lower bound is above the upper");
            }
            return new Absolute(text, lo, hi);
        }
        m = BOUND.matcher(t);
        if (m.matches()) {
            double bound = number(m.group(2), text);
            return m.group(1).startsWith("<") || m.group(1).equals("≤")
                    ? new Absolute(text, Double.NEGATIVE_INFINITY, bound)
                    : new Absolute(text, bound, Double.POSITIVE_INFINITY);
        }
        throw new IllegalArgumentException("'" + text + "' is not an effect; write higher, lower, '>= 90% fewer',"
                + " '>= 20% more', 'within ±5%', '<= +250' (a difference),"
                + " '< 0.01', 'between 0.8 and 1.2', highest, lowest or linear");
    }

    private static double number(String digits, String text) {
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': '" + digits + "' is not a number");
        }
    }
}
