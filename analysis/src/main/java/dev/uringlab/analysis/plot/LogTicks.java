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
        // In tenths, so that each tick is an integer times a power of ten.
        int[] steps = decades <= 0.7 ? new int[] {10, 15, 20, 30, 40, 50, 60, 70, 80, 90}
                : decades <= 3.2 ? new int[] {10, 20, 50} : new int[] {10};
        int every = decades > 8 ? 2 : 1;
        List<Double> ticks = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(low));
        int last = (int) Math.ceil(Math.log10(high));
        for (int e = first; e <= last; e++) {
            if (Math.floorMod(e, every) != 0) {
                continue;
            }
            for (int tenths : steps) {
                double v = decimal(tenths, e - 1);
                if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9)) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
            1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The double nearest to digits × 10^e (pow(10, e) is inexact for negative e, so "0.3" would
     * be a neighbour of 0.3). Up to 10^22 a power of ten is an exact double, as is an integer up
     * to 2^53, and one IEEE multiply or divide of exact operands rounds once, to the nearest;
     * beyond, BigDecimal (which a cold JVM runs slowly: it was most of the log axes' tick time).
     */
    static double decimal(long digits, int e) {
        if (Math.abs(digits) > 1L << 53) {
            return new BigDecimal(digits).scaleByPowerOfTen(e).doubleValue();
        }
        double m = digits;
        if (e >= 0 && e < POW10.length) {
            return m * POW10[e];
        }
        if (e < 0 && -e < POW10.length) {
            return m / POW10[-e];
        }
        return new BigDecimal(m).scaleByPowerOfTen(e).doubleValue();
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
            BigDecimal d = threeDigits(v).stripTrailingZeros();
            if (d.scale() <= 0) {
                return String.format(java.util.Locale.ROOT, "%,d", d.longValueExact());
            }
            return d.toPlainString();
        }
        return power(v);
    }

    /**
     * v rounded to three significant digits. A tick is usually a short decimal, whose shortest
     * representation (Double.toString, plain from 0.001 to 10^7) is then the rounding of v's exact
     * value too: that value is within half an ulp of it, far from a three-digit rounding boundary.
     */
    static BigDecimal threeDigits(double v) {
        String shortest = Double.toString(v);
        int first = -1;
        int last = -1;
        for (int i = 0; i < shortest.length(); i++) {
            char c = shortest.charAt(i);
            if (c == 'E') {
                first = -1;
                break;
            }
            if (c >= '1' && c <= '9') {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        // Significant digits from the first to the last non-zero one, less a decimal point between.
        int significant = first < 0 ? Integer.MAX_VALUE : last - first + 1 - (shortest.substring(first, last + 1).contains(".") ? 1 : 0);
        return significant <= 3 ? new BigDecimal(shortest) : new BigDecimal(v).round(new java.math.MathContext(3));
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
