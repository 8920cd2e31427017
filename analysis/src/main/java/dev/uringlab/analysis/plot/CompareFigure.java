package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.compare.SourceMatch;
import dev.uringlab.analysis.model.MeasureNames;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two sources on one figure per measure ("thesis capture" vs "this host"): the matched
 * configurations only, x along the first numeric parameter that varies (queue depth), one line per
 * source and remaining configuration. Colour says the configuration, the line style the source
 * (dashed: A, solid: B), and every series name starts with its source.
 */
public final class CompareFigure {

    /** Headline measures, drawn when both sources have them, before shared probes per I/O. */
    static final List<String> HEADLINE = List.of("iops", "lat_mean_us", "clat_mean_us", "clat_p50_us", "clat_p99_us",
            "lat_p99_us", "bw_mb_s", "ctx_switches", "usr_cpu_pct", "sys_cpu_pct", "perf_cs");

    private CompareFigure() {
    }

    /** The measures both sources have in some matched configuration: headline metrics, then probes per I/O. */
    public static List<String> sharedMeasures(SourceMatch match) {
        List<String> candidates = new ArrayList<>(HEADLINE);
        Set<String> probes = new LinkedHashSet<>(Measures.measuredProbes(runs(match, true)));
        probes.retainAll(Measures.measuredProbes(runs(match, false)));
        probes.forEach(p -> candidates.add(p + Measures.PER_IO));
        return candidates.stream().filter(m -> inBoth(match, m)).toList();
    }

    /** True when some matched configuration has the measure on both sides. */
    public static boolean inBoth(SourceMatch match, String measure) {
        return match.matched().stream().anyMatch(p -> has(p.a(), measure) && has(p.b(), measure));
    }

    public static List<Figure> build(SourceMatch match, List<String> measures, String caption) {
        List<Figure> figures = new ArrayList<>();
        for (String m : measures) {
            figures.add(build(match, m, caption));
        }
        return figures;
    }

    public static Figure build(SourceMatch match, String measure, String caption) {
        String x = xKey(match);
        List<String> rest = new ArrayList<>();
        for (String k : match.matchKeys()) {
            if (!k.equals(x) && distinct(match, k).size() > 1) {
                rest.add(k);
            }
        }
        List<String> xValues = x == null ? List.of("all") : distinct(match, x);
        String xName = x == null ? "" : MeasureNames.axis(x);
        XAxis axis = new XAxis(xName, xValues);
        Map<String, List<SourceMatch.Pair>> byConfig = new LinkedHashMap<>();
        for (SourceMatch.Pair p : match.matched()) {
            Map<String, Object> values = new LinkedHashMap<>();
            rest.forEach(k -> values.put(k, p.config().get(k)));
            byConfig.computeIfAbsent(Group.labelOf(values), k -> new ArrayList<>()).add(p);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DataTable.Builder table = DataTable.builder("measure", "source", "configuration", x == null ? "x" : x, "n", "mean",
                "ci_low", "ci_high");
        List<int[]> styles = new ArrayList<>(); // {colour, source}
        int colour = 0;
        for (Map.Entry<String, List<SourceMatch.Pair>> c : byConfig.entrySet()) {
            for (int source = 0; source < 2; source++) {
                String label = source == 0 ? match.labelA() : match.labelB();
                YIntervalSeries series = new YIntervalSeries(c.getKey().isEmpty() ? label : label + " · " + c.getKey());
                for (SourceMatch.Pair p : c.getValue()) {
                    Summary s = Summary.of(values(source == 0 ? p.a() : p.b(), measure));
                    if (s.n() == 0) {
                        continue;
                    }
                    String xv = x == null ? "all" : String.valueOf(p.config().get(x));
                    series.add(axis.position(xv), s.mean(), s.hasInterval() ? s.ciLow() : s.mean(),
                            s.hasInterval() ? s.ciHigh() : s.mean());
                    table.row(measure, label, c.getKey(), xv, s.n(), s.mean(), s.ciLow(), s.ciHigh());
                }
                if (series.getItemCount() > 0) {
                    data.addSeries(series);
                    styles.add(new int[] {colour, source});
                }
            }
            colour++;
        }
        ErrorBarRenderer renderer = new ErrorBarRenderer(data.getSeriesCount(), new BasicStroke(2f));
        for (int i = 0; i < styles.size(); i++) {
            renderer.setSeriesPaint(i, Palette.color(styles.get(i)[0]));
            renderer.setSeriesShape(i, Palette.shape(styles.get(i)[1]));
            renderer.setSeriesStroke(i, SeriesStyle.stroke(styles.get(i)[1] == 0 ? 1 : 0));
        }
        XYPlot plot = new XYPlot(data, axis.axis, LineFigure.valueAxis(Measures.label(measure), false), renderer);
        String title = Measures.name(measure) + ": " + match.labelA() + " vs " + match.labelB();
        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, true);
        DirectLabels.attach(chart, plot, DirectLabels.PLOT_WIDTH, DirectLabels.PLOT_HEIGHT);
        String full = caption + " · dashed: " + match.labelA() + ", solid: " + match.labelB() + " · " + match.describe();
        return new Figure("compare-" + measure.replaceAll("[^A-Za-z0-9._-]+", "_"), title, ChartStyle.apply(chart, full),
                table.build(), full);
    }

    /** The first matched parameter that is numeric and varies (queue depth), else the first that varies. */
    static String xKey(SourceMatch match) {
        String fallback = null;
        for (String k : match.matchKeys()) {
            List<String> values = distinct(match, k);
            if (values.size() < 2) {
                continue;
            }
            if (values.stream().allMatch(XAxis::isNumber)) {
                return k;
            }
            fallback = fallback == null ? k : fallback;
        }
        return fallback;
    }

    private static List<String> distinct(SourceMatch match, String key) {
        Set<String> values = new LinkedHashSet<>();
        match.matched().forEach(p -> values.add(String.valueOf(p.config().get(key))));
        return new ArrayList<>(values);
    }

    private static List<RunRecord> runs(SourceMatch match, boolean a) {
        List<RunRecord> runs = new ArrayList<>();
        match.matched().forEach(p -> runs.addAll(a ? p.a() : p.b()));
        return runs;
    }

    private static boolean has(List<RunRecord> runs, String measure) {
        return runs.stream().anyMatch(r -> !Double.isNaN(Measures.value(r, measure)));
    }

    private static double[] values(List<RunRecord> runs, String measure) {
        return runs.stream().mapToDouble(r -> Measures.value(r, measure)).filter(v -> !Double.isNaN(v)).toArray();
    }
}
