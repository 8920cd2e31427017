package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;

/** A measure vs a swept axis: one line per series, mean with its 95% CI as error bars. */
final class LineFigure {

    private LineFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        Layout layout = Layout.of(spec, ctx.grouping());
        XAxis x = new XAxis(layout.x == null ? "" : layout.x, layout.xValues(ctx.grouping()));
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DataTable.Builder table = DataTable.builder("measure", "series", layout.x == null ? "x" : layout.x,
                "n", "mean", "ci_low", "ci_high", "stddev");
        List<String> measures = spec.y().stream().map(y -> Cells.measure(spec, y, ctx)).toList();
        for (String measure : measures) {
            for (Map.Entry<String, Map<String, List<Group>>> s : layout.cells(ctx.grouping()).entrySet()) {
                String key = measures.size() > 1 ? Measures.label(measure) + " · " + s.getKey() : s.getKey();
                YIntervalSeries series = new YIntervalSeries(key);
                for (Map.Entry<String, List<Group>> cell : s.getValue().entrySet()) {
                    Summary sum = Cells.summary(cell.getValue(), measure);
                    if (sum.n() == 0) {
                        continue;
                    }
                    double lo = sum.hasInterval() ? sum.ciLow() : sum.mean();
                    double hi = sum.hasInterval() ? sum.ciHigh() : sum.mean();
                    series.add(x.position(cell.getKey()), sum.mean(), lo, hi);
                    table.row(measure, s.getKey(), cell.getKey(), sum.n(), sum.mean(), sum.ciLow(), sum.ciHigh(), sum.stddev());
                }
                data.addSeries(series);
            }
        }
        String yLabel = measures.size() == 1 ? Measures.label(measures.get(0)) : unitLabel(measures);
        ValueAxis yAxis = valueAxis(yLabel, spec.log());
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorPaint(null); // error bars in the series' own colour
        renderer.setCapLength(8);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.color(i));
            renderer.setSeriesShape(i, Palette.shape(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x.axis, yAxis, renderer);
        String title = String.join(", ", measures.stream().map(Measures::label).toList()) + (layout.x == null ? "" : " vs " + layout.x);
        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, true);
        return new Figure(spec.name(), title, ChartStyle.apply(chart, ctx.caption(null)), table.build(), ctx.caption(null));
    }

    static ValueAxis valueAxis(String label, boolean log) {
        if (log) {
            LogAxis axis = new LogAxis(label);
            axis.setSmallestValue(1e-6);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    /** Several measures on one axis share a unit (mean and p99 latency): label with that unit. */
    static String unitLabel(List<String> measures) {
        String unit = Measures.unit(measures.get(0)).replace("us", "µs");
        return unit.isEmpty() ? "value" : "value (" + unit + ")";
    }
}
