package dev.uringlab.analysis.plot;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;

import java.text.DecimalFormat;
import java.util.List;

/**
 * The horizontal axis for swept values: numbers on a linear axis, or on a base-2 log axis when
 * they span a factor of 8 or more (queue depths 1, 4, 16, 64 would otherwise crowd at the left);
 * anything else (cpus=irq/non-irq, engine names) as evenly spaced labels.
 */
final class XAxis {

    private final List<String> values;
    private final boolean numeric;
    final ValueAxis axis;

    private double zeroAt = Double.NaN;

    XAxis(String label, List<String> values) {
        this(label, values, false);
    }

    /** @param forceLog a log axis whatever the range; a 0 among the values is drawn one decade below the smallest other */
    XAxis(String label, List<String> values, boolean forceLog) {
        this.values = List.copyOf(values);
        this.numeric = !values.isEmpty() && values.stream().allMatch(XAxis::isNumber);
        if (!numeric) {
            SymbolAxis symbols = new SymbolAxis(label, values.toArray(String[]::new));
            symbols.setGridBandsVisible(false);
            symbols.setLowerMargin(0.3);
            symbols.setUpperMargin(0.3);
            axis = symbols;
            return;
        }
        double min = values.stream().mapToDouble(Double::parseDouble).min().orElse(0);
        double max = values.stream().mapToDouble(Double::parseDouble).max().orElse(1);
        double smallestPositive = values.stream().mapToDouble(Double::parseDouble).filter(v -> v > 0).min().orElse(0);
        // A parameter sweep from 0 over decades (think cycles 0, 1000, …, 10⁶) is unreadable on a linear axis.
        forceLog |= min == 0 && smallestPositive > 0 && max / smallestPositive >= 8;
        if (forceLog && min <= 0) {
            double smallest = values.stream().mapToDouble(Double::parseDouble).filter(v -> v > 0).min().orElse(1);
            zeroAt = smallest / 10;
            min = zeroAt;
        }
        if (min > 0 && (forceLog || max / min >= 8)) {
            // Ticks at the swept values only (1, 4, 16, 64), not at 2, 8, 32 that were never run.
            LogAxis log = new ReadableLogAxis(label, values.stream().map(this::position).sorted().toList(), zeroAt);
            log.setLowerMargin(0.08);
            log.setUpperMargin(0.08);
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(label);
            linear.setAutoRangeIncludesZero(false);
            linear.setLowerMargin(0.08);
            linear.setUpperMargin(0.08);
            axis = linear;
        }
    }

    /** Where a swept value sits on the axis. */
    double position(String value) {
        if (!numeric) {
            return values.indexOf(value);
        }
        double v = Double.parseDouble(value);
        return v <= 0 && !Double.isNaN(zeroAt) ? zeroAt : v;
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
