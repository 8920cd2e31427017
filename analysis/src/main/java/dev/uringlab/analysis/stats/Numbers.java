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
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
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
