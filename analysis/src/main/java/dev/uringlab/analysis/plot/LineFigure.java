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
        return build(spec, ctx, false);
    }

    /** @param logX a parameter sweep: log x axis even for a short range, with 0 placed one decade left of the rest */
    static Figure build(PlotSpec spec, FigureContext ctx, boolean logX) {
        Layout layout = Layout.of(spec, ctx.grouping());
        XAxis x = new XAxis(layout.x == null ? "" : dev.uringlab.analysis.model.MeasureNames.axis(layout.x),
                layout.xValues(ctx.grouping()), logX);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DataTable.Builder table = DataTable.builder("measure", "series", layout.x == null ? "x" : layout.x,
                "n", "mean", "ci_low", "ci_high", "stddev");
        List<String> measures = spec.y().stream().map(y -> Cells.measure(spec, y, ctx)).toList();
        for (String measure : measures) {
            for (Map.Entry<String, Map<String, List<Group>>> s : layout.cells(ctx.grouping()).entrySet()) {
                String key = measures.size() > 1 ? Measures.label(measure) + " · " + s.getKey() : s.getKey();
                data.addSeries(series(key, measure, s, x, table, spec.log()));
            }
        }
        String yLabel = measures.size() == 1 ? Measures.label(measures.get(0)) : unitLabel(measures);
        ValueAxis yAxis = valueAxis(yLabel, spec.log());
        ErrorBarRenderer renderer = new ErrorBarRenderer(data.getSeriesCount(), new BasicStroke(2f));
        int seriesPerMeasure = layout.cells(ctx.grouping()).size();
        String note = null;
        if (measures.size() > 1 && seriesPerMeasure > 1 && seriesPerMeasure <= SeriesStyle.DASHES.length) {
            // Several measures × a few series: colour says the measure, the line style the series, and the
            // legend lists each measure once (a legend of every pair was longer than the plot).
            List<String> names = new java.util.ArrayList<>(layout.cells(ctx.grouping()).keySet());
            for (int i = 0; i < data.getSeriesCount(); i++) {
                renderer.setSeriesPaint(i, Palette.color(i / seriesPerMeasure));
                renderer.setSeriesShape(i, Palette.shape(i / seriesPerMeasure));
                renderer.setSeriesStroke(i, SeriesStyle.stroke(i % seriesPerMeasure));
                renderer.setSeriesVisibleInLegend(i, i % seriesPerMeasure == 0);
            }
            renderer.setLegendItemLabelGenerator((dataset, series) -> {
                String key = String.valueOf(dataset.getSeriesKey(series));
                return key.contains(" · ") ? key.substring(0, key.indexOf(" · ")) : key;
            });
            note = SeriesStyle.note(names);
        }
        XYPlot plot = new XYPlot(data, x.axis, yAxis, renderer);
        String title = String.join(", ", measures.stream().map(Measures::name).toList())
                + (layout.x == null ? "" : " vs " + dev.uringlab.analysis.model.MeasureNames.axis(layout.x));
        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, true);
        DirectLabels.attach(chart, plot, DirectLabels.PLOT_WIDTH, DirectLabels.PLOT_HEIGHT);
        if (spec.log()) {
            note = (note == null ? "" : note + "; ") + "log scale: a zero (e.g. no IPIs at all) has no place and is not drawn";
        }
        String caption = ctx.caption(note);
        return new Figure(spec.name(), title, ChartStyle.apply(chart, caption), table.build(), caption);
    }

    /** One line: the mean of each cell at its x, with the CI where there is one; one table row per point. */
    static YIntervalSeries series(String key, String measure, Map.Entry<String, Map<String, List<Group>>> cells, XAxis x,
                                  DataTable.Builder table, boolean log) {
        YIntervalSeries series = new YIntervalSeries(key);
        for (Map.Entry<String, List<Group>> cell : cells.getValue().entrySet()) {
            Summary sum = Cells.summary(cell.getValue(), measure);
            if (sum.n() == 0 || Double.isNaN(sum.mean())) {
                continue;
            }
            double lo = sum.hasInterval() ? sum.ciLow() : sum.mean();
            if (log && lo <= 0) {
                lo = sum.mean() * 1e-9; // a log axis has no 0: the bar runs to the axis floor, clipped there
            }
            double hi = sum.hasInterval() ? sum.ciHigh() : sum.mean();
            series.add(x.position(cell.getKey()), sum.mean(), lo, hi);
            table.row(measure, cells.getKey(), cell.getKey(), sum.n(), sum.mean(), sum.ciLow(), sum.ciHigh(), sum.stddev());
        }
        return series;
    }

    static ValueAxis valueAxis(String label, boolean log) {
        if (log) {
            LogAxis axis = new ReadableLogAxis(label);
            axis.setSmallestValue(1e-6);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        // Counts, rates and latencies are never negative: a wide CI of two runs must not draw the axis below 0.
        axis.setRangeType(org.jfree.data.RangeType.POSITIVE);
        return axis;
    }

    /** Several measures on one axis share a unit (mean and p99 latency): label with that unit. */
    static String unitLabel(List<String> measures) {
        if (measures.stream().allMatch(m -> m.endsWith(Measures.PER_IO))) {
            return "events per I/O";
        }
        String unit = Measures.unit(measures.get(0)).replace("us", "µs");
        return unit.isEmpty() ? "value" : "value (" + unit + ")";
    }
}
