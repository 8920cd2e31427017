package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.model.MeasureNames;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.parse.LatencyBins;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The latency distribution per configuration, drawn from whole histograms: fio json+ bins
 * ({@code lat_ns}/{@code clat_ns}) or ringbench's, read from each run's raw output, or a
 * bpftrace histogram probe; the runs of a configuration are summed. With {@code log: true} the
 * y axis is the tail, 1 − CDF on a log scale, where p99 and p99.9 are visible as 0.01 and 0.001.
 * Only when no run kept a histogram are fio's four percentiles shown, as points, and the caption
 * says so: four points joined by lines are not a distribution.
 */
final class CdfFigure {

    private static final String[][] PERCENTILES = {{"p50", "0.5"}, {"p95", "0.95"}, {"p99", "0.99"}, {"p99_9", "0.999"}};
    private static final Pattern BUCKET = Pattern.compile("(?:.*,)?\\[(-?\\d+|-inf), (-?\\d+|inf)]");

    private CdfFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        String y = spec.y().get(0);
        boolean latency = y.equals("lat") || y.equals("clat");
        boolean tail = spec.log();
        XYSeriesCollection steps = new XYSeriesCollection();
        XYSeriesCollection points = new XYSeriesCollection();
        DataTable.Builder table = DataTable.builder("configuration", latency ? "latency_us" : "value",
                tail ? "fraction_above" : "cumulative_fraction", "count");
        Set<String> sources = new LinkedHashSet<>();
        long ios = 0;
        SeriesStyle style = new SeriesStyle(ctx.grouping());
        Map<String, Group> byLabel = new java.util.HashMap<>();
        Map<String, Steps> full = new java.util.LinkedHashMap<>();
        for (Group g : ctx.grouping().groups()) {
            byLabel.put(style.label(g), g);
            TreeMap<Double, Long> buckets = latency ? latencyBins(g, y, ctx, sources) : probeHistogram(g, y);
            if (!buckets.isEmpty()) {
                Steps s = accumulate(buckets, tail, style.label(g), table);
                ios += s.total();
                full.put(style.label(g), s);
            } else if (latency) {
                XYSeries series = new XYSeries(style.label(g), true, true);
                for (String[] p : PERCENTILES) {
                    Summary s = g.summary(y + "_" + p[0] + "_us");
                    double f = Double.parseDouble(p[1]);
                    if (s.n() > 0 && s.mean() > 0) {
                        series.add(s.mean(), tail ? 1 - f : f);
                        table.row(style.label(g), s.mean(), tail ? 1 - f : f, "");
                    }
                }
                if (series.getItemCount() > 0) {
                    points.addSeries(series);
                }
            }
        }
        addThinned(full, tail, steps);
        String what = latency ? MeasureNames.name(y) : MeasureNames.probe(y);
        LogAxis xAxis = new ReadableLogAxis(latency ? what + " (µs)" : what + " (bucket upper edge)");
        xAxis.setSmallestValue(1e-3);
        ValueAxis yAxis;
        if (tail) {
            LogAxis axis = new ReadableLogAxis("fraction of I/Os slower than x (1 − CDF)");
            axis.setSmallestValue(ios > 0 ? 0.5 / ios : 1e-4);
            yAxis = axis;
        } else {
            NumberAxis axis = new NumberAxis("fraction of I/Os at or below x (CDF)");
            axis.setRange(0, 1.02);
            yAxis = axis;
        }
        StepPathRenderer renderer = new StepPathRenderer();
        for (int i = 0; i < steps.getSeriesCount(); i++) {
            Group g = byLabel.get(String.valueOf(steps.getSeriesKey(i)));
            renderer.setSeriesPaint(i, Palette.color(style.colour(g, i)));
            renderer.setSeriesStroke(i, style.stroke(g));
        }
        XYPlot plot = new XYPlot(steps, xAxis, yAxis, renderer);
        if (points.getSeriesCount() > 0) {
            plot.setDataset(1, points);
            XYLineAndShapeRenderer markers = new XYLineAndShapeRenderer(false, true);
            for (int i = 0; i < points.getSeriesCount(); i++) {
                markers.setSeriesPaint(i, Palette.color(steps.getSeriesCount() + i));
                markers.setSeriesShape(i, Palette.shape(steps.getSeriesCount() + i));
            }
            plot.setRenderer(1, markers);
        }
        String title = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " distribution" + (tail ? ": tail" : "");
        StringBuilder note = new StringBuilder();
        if (steps.getSeriesCount() > 0) {
            note.append(latency ? "every I/O, from " + String.join(" + ", sources) : "bpftrace histogram")
                    .append(", runs of a configuration summed (").append(String.format(java.util.Locale.ROOT, "%,d", ios))
                    .append(latency ? " I/Os in the figure)" : " events in the figure)");
        }
        if (points.getSeriesCount() > 0) {
            note.append(note.length() > 0 ? "; " : "").append("markers: no histogram kept, only fio's p50/p95/p99/p99.9 "
                    + "(mean over repetitions), not a distribution");
        }
        if (style.note() != null && steps.getSeriesCount() > 0) {
            note.append("; ").append(style.note());
        }
        if (tail) {
            note.append("; y: fraction of I/Os slower than x, log scale (0.01 = p99)");
        }
        String caption = ctx.plainCaption(note.toString());
        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, true);
        return new Figure(spec.name(), title, ChartStyle.apply(chart, caption), table.build(), caption);
    }

    /** One configuration's step points, every bin: x = bucket value, y = CDF or 1 − CDF after it. */
    record Steps(double[] xs, double[] ys, double[] above, long total) {
    }

    /** The step points of every bin (into the table too); returns them with the total count. */
    static Steps accumulate(TreeMap<Double, Long> buckets, boolean tail, String label, DataTable.Builder table) {
        long total = 0;
        for (long c : buckets.values()) {
            total += c;
        }
        double[] xs = new double[buckets.size()];
        double[] ys = new double[buckets.size()];
        double[] above = new double[buckets.size()];
        int n = 0;
        long running = 0;
        for (Map.Entry<Double, Long> e : buckets.entrySet()) {
            running += e.getValue();
            double f = (double) running / total;
            double yv = tail ? 1 - f : f;
            if (e.getKey() <= 0 || e.getKey().isInfinite() || (tail && running == total)) {
                continue; // no place on a log axis; the tail's last point is 0
            }
            xs[n] = e.getKey();
            ys[n] = yv;
            above[n] = 1 - f;
            n++;
            table.row(label, e.getKey(), yv, e.getValue());
        }
        return new Steps(java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), java.util.Arrays.copyOf(above, n), total);
    }

    /**
     * Each configuration's steps, thinned to what the figure can show ({@link StepThinning}), one
     * scale for all of them: the figure's height over the span of every series' points (the tail
     * axis' auto range contains it), or the CDF axis' fixed 0..1.02.
     */
    static void addThinned(Map<String, Steps> full, boolean tail, XYSeriesCollection into) {
        double yLow = Double.POSITIVE_INFINITY;
        double yHigh = 0;
        for (Steps s : full.values()) {
            for (double v : s.ys()) {
                yLow = Math.min(yLow, v);
                yHigh = Math.max(yHigh, v);
            }
        }
        StepThinning.Scale y = tail ? StepThinning.Scale.of(true, yLow, yHigh, FigureWriter.HEIGHT)
                : StepThinning.Scale.of(false, 0, 1.02, FigureWriter.HEIGHT);
        for (Map.Entry<String, Steps> e : full.entrySet()) {
            Steps s = e.getValue();
            XYSeries series = new XYSeries(e.getKey(), true, false);
            for (int i : StepThinning.kept(s.ys(), s.above(), y)) {
                series.add(s.xs()[i], s.ys()[i], false);
            }
            into.addSeries(series);
        }
    }

    /** µs → I/Os summed over the group's runs; empty unless every run kept bins (a partial sum would misstate). */
    private static TreeMap<Double, Long> latencyBins(Group g, String kind, FigureContext ctx, Set<String> sources) {
        TreeMap<Double, Long> out = new TreeMap<>();
        for (RunRecord r : g.runs()) {
            LatencyBins bins = ctx.histograms().of(r, kind);
            if (bins == null) {
                return new TreeMap<>();
            }
            sources.add(bins.source());
            bins.binsNs().forEach((ns, count) -> out.merge(ns / 1000.0, count, Long::sum));
        }
        return out;
    }

    private static TreeMap<Double, Long> probeHistogram(Group g, String probe) {
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
        return buckets;
    }
}
