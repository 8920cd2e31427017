package dev.uringlab.analysis.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.Color;

/**
 * Grouped bars with error bars, shared by the bar, per-CPU and relative figures.
 * JFreeChart's statistical dataset calls its spread a "standard deviation"; we store the 95% CI
 * half-width there, so the whiskers are the interval the tables print.
 */
final class Bars {

    private Bars() {
    }

    static JFreeChart chart(String title, String categoryLabel, String valueLabel,
                            DefaultStatisticalCategoryDataset data, boolean log) {
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        categories.setCategoryMargin(0.2);
        int labelChars = 0;
        for (Object key : data.getColumnKeys()) {
            labelChars += String.valueOf(key).length();
        }
        if (data.getColumnCount() > 6 || labelChars > 90) { // long configuration names overlap when level
            // Rotated, and allowed the room a "coop_taskrun=true, cpus=non-irq, iodepth=64" needs instead of "…".
            categories.setCategoryLabelPositions(CategoryLabelPositions.createUpRotationLabelPositions(Math.PI / 4));
            categories.setMaximumCategoryLabelWidthRatio(3f);
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, Palette.color(i));
        }
        ValueAxis values;
        if (log) {
            LogAxis axis = new ReadableLogAxis(valueLabel);
            double smallest = smallestPositive(data);
            axis.setSmallestValue(smallest / 2);
            renderer.setBase(smallest / 2); // bars start at the axis floor; log(0) has no place to start from
            values = axis;
        } else {
            NumberAxis linear = new NumberAxis(valueLabel);
            if (smallestMean(data) >= 0) {
                linear.setRangeType(org.jfree.data.RangeType.POSITIVE); // a wide CI must not draw a count below 0
            }
            values = linear;
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return new JFreeChart(title, Palette.TITLE, plot, data.getRowCount() > 1 || (data.getRowCount() == 1 && !"all".equals(data.getRowKey(0))));
    }

    private static double smallestMean(DefaultStatisticalCategoryDataset data) {
        double min = Double.POSITIVE_INFINITY;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number v = data.getMeanValue(r, c);
                if (v != null) {
                    min = Math.min(min, v.doubleValue());
                }
            }
        }
        return min;
    }

    /** The CI half-width as the dataset's "deviation", or none (no whisker) when there is no interval. */
    static Double whisker(dev.uringlab.analysis.stats.Summary s) {
        return s.hasInterval() ? s.halfWidth() : null;
    }

    static double smallestPositive(DefaultStatisticalCategoryDataset data) {
        double min = Double.POSITIVE_INFINITY;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number v = data.getMeanValue(r, c);
                if (v != null && v.doubleValue() > 0) {
                    min = Math.min(min, v.doubleValue());
                }
            }
        }
        return Double.isInfinite(min) ? 1e-6 : min;
    }
}
