package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.RelativeChange;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;

/** Each series' change vs the baseline series at the same x, in percent, with its 95% CI. */
final class RelativeFigure {

    private RelativeFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        Layout layout = Layout.of(spec, ctx.grouping());
        String measure = Cells.measure(spec, spec.y().get(0), ctx);
        Map<String, Map<String, List<Group>>> cells = layout.cells(ctx.grouping());
        String baseline = baselineSeries(spec, cells.keySet().stream().toList());
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        DataTable.Builder table = DataTable.builder("measure", "series", "baseline", layout.x == null ? "x" : layout.x,
                "change_pct", "ci_low_pct", "ci_high_pct", "ci_overlap");
        for (Map.Entry<String, Map<String, List<Group>>> s : cells.entrySet()) {
            if (s.getKey().equals(baseline)) {
                continue;
            }
            for (Map.Entry<String, List<Group>> cell : s.getValue().entrySet()) {
                List<Group> base = cells.get(baseline).get(cell.getKey());
                if (base == null) {
                    continue;
                }
                RelativeChange rc = RelativeChange.of(Cells.summary(base, measure), Cells.summary(cell.getValue(), measure));
                Double half = rc.hasInterval() ? (rc.ciHigh() - rc.ciLow()) / 2 * 100 : null;
                data.add((Number) (rc.change() * 100), half, s.getKey(), cell.getKey());
                table.row(measure, s.getKey(), baseline, cell.getKey(), rc.change() * 100,
                        rc.ciLow() * 100, rc.ciHigh() * 100, rc.overlap());
            }
        }
        String title = Measures.name(measure) + ": change vs " + baseline;
        String caption = ctx.caption("0% = " + baseline);
        JFreeChart chart = Bars.chart(title, layout.x == null ? "" : dev.uringlab.analysis.model.MeasureNames.axis(layout.x),
                "change vs " + baseline + " (%)", data, false);
        ValueMarker zero = new ValueMarker(0, Color.BLACK, new BasicStroke(1.2f));
        chart.getCategoryPlot().addRangeMarker(zero);
        return new Figure(spec.name(), title, ChartStyle.apply(chart, caption), table.build(), caption);
    }

    /** The named baseline ("irq" matches "cpus=irq"), else the first series. */
    static String baselineSeries(PlotSpec spec, List<String> series) {
        if (spec.baseline() != null) {
            for (String s : series) {
                if (s.equals(spec.baseline()) || s.endsWith("=" + spec.baseline())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("plot " + spec.name() + ": baseline '" + spec.baseline()
                    + "' is none of the series " + series);
        }
        return series.get(0);
    }
}
