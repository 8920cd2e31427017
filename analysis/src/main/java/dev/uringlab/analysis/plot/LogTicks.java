package dev.uringlab.analysis.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a logarithmic axis gets its labelled ticks, and how they read: 1-2-5 steps when the range
 * spans up to three decades, every power of ten up to eight, every other one beyond; labels are
 * plain numbers from 0.001 to 100,000 ("0.1", "5", "10,000") and powers of ten outside ("10⁻⁶",
 * "2×10⁶"), never "1E-1" or "177.828".
 */
final class LogTicks {

    private static final char[] SUPERSCRIPT = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

    private LogTicks() {
    }

    /** Tick values within [low, high] (both > 0). */
    static List<Double> values(double low, double high) {
        double decades = Math.log10(high / low);
        double[] steps = decades <= 0.7 ? new double[] {1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9}
                : decades <= 3.2 ? new double[] {1, 2, 5} : new double[] {1};
        int every = decades > 8 ? 2 : 1;
        List<Double> ticks = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(low));
        int last = (int) Math.ceil(Math.log10(high));
        for (int e = first; e <= last; e++) {
            if (Math.floorMod(e, every) != 0) {
                continue;
            }
            for (double m : steps) {
                double v = m * Math.pow(10, e);
                // pow(10, e) is inexact for negative e; round to the decimal the tick stands for.
                v = new BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
                if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9)) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    /**
     * Labels for one axis in one style: plain numbers when every tick is between 0.001 and
     * 100,000, else powers of ten throughout (an axis reading "0.001, 10⁻⁴" mixes two notations).
     */
    static List<String> labels(List<Double> ticks) {
        boolean plain = ticks.stream().allMatch(v -> v >= 1e-3 && v < 1e5 + 1e-6);
        return ticks.stream().map(v -> plain ? label(v) : power(v)).toList();
    }

    /** "0.01", "1", "250", "10,000", "10⁻⁵", "2×10⁶". */
    static String label(double v) {
        if (v <= 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (v >= 1e-3 && v < 1e5 + 1e-6) {
            BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros();
            if (d.scale() <= 0) {
                return String.format(java.util.Locale.ROOT, "%,d", d.longValueExact());
            }
            return d.toPlainString();
        }
        return power(v);
    }

    /** "1", "10", "10²", "10⁻⁴", "2×10⁶". */
    static String power(double v) {
        int e = (int) Math.floor(Math.log10(v) + 1e-9);
        double m = v / Math.pow(10, e);
        String mantissa = new BigDecimal(m).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
        if (e == 0 || e == 1) {
            return label(v);
        }
        return (mantissa.equals("1") ? "" : mantissa + "×") + "10" + superscript(e);
    }

    private static String superscript(int e) {
        StringBuilder s = new StringBuilder(e < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            s.append(SUPERSCRIPT[c - '0']);
        }
        return s.toString();
    }
}
