package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Outliers;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every run as one point, in the order the sweep ran them (x = run index), one colour per
 * configuration; MAD outliers (within their own configuration) are ringed in a separate series,
 * so a stall shows without being removed from any statistic.
 */
final class ScatterFigure {

    private ScatterFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        String measure = Cells.measure(spec, spec.y().get(0), ctx);
        if (ctx.runs().stream().anyMatch(r -> r.samples().containsKey(measure))) {
            return perIteration(spec, measure, ctx);
        }
        Map<String, XYSeries> bySeries = new LinkedHashMap<>();
        XYSeries outliers = new XYSeries("outlier (MAD > " + Outliers.THRESHOLD + ")", false, true);
        DataTable.Builder table = DataTable.builder("run", "index", "configuration", "value", "outlier");
        for (Group g : ctx.grouping().groups()) {
            XYSeries series = bySeries.computeIfAbsent(g.label(), k -> new XYSeries(k, false, true));
            double[] values = g.values(measure);
            boolean[] flags = Outliers.flag(values);
            for (int i = 0; i < values.length; i++) {
                RunRecord run = g.runs().get(i);
                if (Double.isNaN(values[i])) {
                    continue;
                }
                series.add(run.index(), values[i]);
                if (flags[i]) {
                    outliers.add(run.index(), values[i]);
                }
                table.row(run.runId(), run.index(), g.label(), values[i], flags[i]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        bySeries.values().forEach(data::addSeries);
        data.addSeries(outliers);
        XYLineAndShapeRenderer renderer = pointRenderer(bySeries.size());
        int o = bySeries.size();
        renderer.setSeriesPaint(o, Color.BLACK);
        renderer.setSeriesShape(o, new Ellipse2D.Double(-8, -8, 16, 16));
        renderer.setSeriesShapesFilled(o, false);
        return figure(spec, ctx, measure, data, renderer, "run (execution order)", "every run",
                "ringed: outliers within their configuration, kept in all statistics", table);
    }

    /** Points only, one palette colour and marker per configuration. */
    private static XYLineAndShapeRenderer pointRenderer(int series) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, Palette.color(i));
            renderer.setSeriesShape(i, Palette.shape(i));
        }
        return renderer;
    }

    private static Figure figure(PlotSpec spec, FigureContext ctx, String measure, XYSeriesCollection data,
                                 XYLineAndShapeRenderer renderer, String xLabel, String what, String captionNote,
                                 DataTable.Builder table) {
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, xAxis, LineFigure.valueAxis(Measures.label(measure), spec.log()), renderer);
        String title = Measures.label(measure) + ", " + what;
        String caption = ctx.caption(captionNote);
        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, true);
        return new Figure(spec.name(), title, ChartStyle.apply(chart, caption), table.build(), caption);
    }

    /**
     * Per-iteration samples (e.g. ringbench stall latencies): x = iteration within its run, one
     * colour per configuration, every repetition overlaid — a bimodal stall shows as two bands.
     */
    private static Figure perIteration(PlotSpec spec, String measure, FigureContext ctx) {
        XYSeriesCollection data = new XYSeriesCollection();
        DataTable.Builder table = DataTable.builder("run", "configuration", "iteration", "value");
        for (Group g : ctx.grouping().groups()) {
            XYSeries series = new XYSeries(g.label(), false, true);
            for (RunRecord run : g.runs()) {
                List<Double> values = run.samples().getOrDefault(measure, List.of());
                for (int i = 0; i < values.size(); i++) {
                    series.add(i + 1, values.get(i));
                    table.row(run.runId(), g.label(), i + 1, values.get(i));
                }
            }
            data.addSeries(series);
        }
        return figure(spec, ctx, measure, data, pointRenderer(data.getSeriesCount()), "iteration", "every iteration",
                "one point per iteration; repetitions of a configuration overlaid", table);
    }
}
