package dev.uringlab.analysis.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as people read them in tables and findings: four significant digits, no exponent. */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A table cell: six significant digits (as runs.csv), empty for "no value". */
    public static String cell(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String fast = sixDigitsFast(v);
        return fast != null ? fast : sixDigitsExact(v);
    }

    /** The reference: the exact binary value rounded half-up to six digits. */
    static String sixDigitsExact(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20};

    /**
     * The same digits as {@link #sixDigitsExact} without BigDecimal (which was a third of writing
     * runs.csv for 100,000 runs); null where doubles cannot decide the rounding (a value within
     * 1e-6 of a tie, or outside 1e-9..1e14), and the exact way answers.
     */
    static String sixDigitsFast(double v) {
        double a = Math.abs(v);
        if (!(a >= 1e-9 && a < 1e14)) {
            return null;
        }
        int shift = 5 - (int) Math.floor(Math.log10(a));
        if (shift > 20 || shift < -20) {
            return null;
        }
        double scaled = shift >= 0 ? a * POW10[shift] : a / POW10[-shift];
        if (scaled < 1e5) {
            shift++;
            scaled *= 10;
        } else if (scaled >= 1e6) {
            shift--;
            scaled /= 10;
        }
        double frac = scaled - Math.floor(scaled);
        if (Math.abs(frac - 0.5) < 1e-6 || scaled < 1e5 || scaled >= 1e6) {
            return null;
        }
        long r = (long) Math.floor(scaled) + (frac > 0.5 ? 1 : 0);
        if (r == 1_000_000) {
            r = 100_000;
            shift--;
        }
        while (shift > 0 && r % 10 == 0) {
            r /= 10;
            shift--;
        }
        StringBuilder out = new StringBuilder(24);
        if (v < 0) {
            out.append('-');
        }
        String digits = Long.toString(r);
        if (shift <= 0) {
            out.append(digits);
            out.append("0".repeat(-shift));
        } else if (digits.length() > shift) {
            out.append(digits, 0, digits.length() - shift).append('.').append(digits, digits.length() - shift, digits.length());
        } else {
            out.append("0.").append("0".repeat(shift - digits.length())).append(digits);
        }
        return out.toString();
    }

    /** "−17.0%": a signed percentage with a real minus sign, as a finding prints it. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
        return s.replace('-', '−');
    }

    /** "[−20.1, −13.9]" in percent; empty when there is no interval. */
    public static String percentInterval(double low, double high) {
        if (Double.isNaN(low)) {
            return "";
        }
        return String.format(Locale.ROOT, "[%.1f, %.1f]", low * 100, high * 100).replace('-', '−');
    }
}
