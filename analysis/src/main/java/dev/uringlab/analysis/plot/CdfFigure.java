package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency distribution per configuration. For {@code lat}/{@code clat} the points are fio's own
 * percentiles (p50, p95, p99, p99.9; means over repetitions), since run.json keeps no raw samples;
 * for a bpftrace histogram probe the buckets are summed over the group's runs and accumulated,
 * each point at its bucket's upper edge.
 */
final class CdfFigure {

    private static final String[][] PERCENTILES = {{"p50", "0.5"}, {"p95", "0.95"}, {"p99", "0.99"}, {"p99_9", "0.999"}};
    private static final Pattern BUCKET = Pattern.compile("(?:.*,)?\\[(-?\\d+|-inf), (-?\\d+|inf)]");

    private CdfFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        String y = spec.y().get(0);
        boolean fioPercentiles = y.equals("lat") || y.equals("clat");
        XYSeriesCollection data = new XYSeriesCollection();
        DataTable.Builder table = DataTable.builder("configuration", "value", "cumulative_fraction");
        for (Group g : ctx.grouping().groups()) {
            XYSeries series = new XYSeries(g.label(), true, true); // few samples: p95 == p99 is a real step
            if (fioPercentiles) {
                for (String[] p : PERCENTILES) {
                    Summary s = g.summary(y + "_" + p[0] + "_us");
                    if (s.n() > 0 && s.mean() > 0) {
                        series.add(s.mean(), Double.parseDouble(p[1]));
                        table.row(g.label(), s.mean(), Double.parseDouble(p[1]));
                    }
                }
            } else {
                histogram(g, y, series, table);
            }
            if (series.getItemCount() > 0) {
                data.addSeries(series);
            }
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.color(i));
            renderer.setSeriesShape(i, Palette.shape(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        LogAxis xAxis = new LogAxis(fioPercentiles ? y + " latency (µs)" : y + " (bucket upper edge)");
        xAxis.setSmallestValue(1e-3);
        // Plain numbers at quarter decades (100, 178, 316, 562, 1000) instead of "10^2.25".
        xAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.25));
        xAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
        NumberAxis yAxis = new NumberAxis("cumulative fraction");
        yAxis.setRange(0, 1.02);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        String title = (fioPercentiles ? y + " latency" : y) + " distribution";
        String caption = ctx.caption(fioPercentiles ? "points: fio p50/p95/p99/p99.9, mean over repetitions" : "bpftrace histogram, all runs of a configuration summed");
        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, true);
        return new Figure(spec.name(), title, ChartStyle.apply(chart, caption), table.build(), caption);
    }

    private static void histogram(Group g, String probe, XYSeries series, DataTable.Builder table) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        for (RunRecord r : g.runs()) {
            for (Map.Entry<String, Long> e : r.probeCounts().getOrDefault(probe, Map.of()).entrySet()) {
                Matcher m = BUCKET.matcher(e.getKey());
                if (m.matches()) {
                    double upper = m.group(2).equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2)) + 1;
                    buckets.merge(upper, e.getValue(), Long::sum);
                }
            }
        }
        long total = buckets.values().stream().mapToLong(Long::longValue).sum();
        long running = 0;
        for (Map.Entry<Double, Long> e : buckets.entrySet()) {
            running += e.getValue();
            if (total > 0 && e.getKey() > 0 && !e.getKey().isInfinite()) {
                series.add(e.getKey().doubleValue(), (double) running / total);
                table.row(g.label(), e.getKey(), (double) running / total);
            }
        }
    }
}
