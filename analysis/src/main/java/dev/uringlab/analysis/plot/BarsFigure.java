package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Summary;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.util.List;
import java.util.Map;

/**
 * Grouped bars. With one y: x values as categories, one bar per series. With several y (the
 * default "every probe" figure): the measures as categories, one bar per configuration.
 */
final class BarsFigure {

    private BarsFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        List<String> measures = spec.y().stream().map(y -> Cells.measure(spec, y, ctx)).toList();
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        DataTable.Builder table = DataTable.builder("measure", "series", "category", "n", "mean", "ci_low", "ci_high");
        Layout layout = Layout.of(spec, ctx.grouping());
        String categoryLabel;
        if (measures.size() == 1) {
            String m = measures.get(0);
            categoryLabel = layout.x == null ? "" : dev.uringlab.analysis.model.MeasureNames.axis(layout.x);
            for (Map.Entry<String, Map<String, List<Group>>> s : layout.cells(ctx.grouping()).entrySet()) {
                for (Map.Entry<String, List<Group>> cell : s.getValue().entrySet()) {
                    add(data, table, m, s.getKey(), cell.getKey(), Cells.summary(cell.getValue(), m));
                }
            }
        } else {
            categoryLabel = "";
            for (int i = 0; i < measures.size(); i++) {
                String m = measures.get(i);
                for (Group g : ctx.grouping().groups()) {
                    add(data, table, m, g.label(), spec.y().get(i), g.summary(m));
                }
            }
        }
        String valueLabel = measures.size() == 1 ? Measures.label(measures.get(0)) : LineFigure.unitLabel(measures);
        String title = measures.size() == 1 ? Measures.label(measures.get(0)) + (layout.x == null ? "" : " by " + layout.x)
                : spec.name().startsWith("probes") ? (spec.perIo() ? "probe events per IO" : "probe events")
                : String.join(", ", spec.y()) + (spec.perIo() ? " per IO" : "");
        String caption = ctx.caption(spec.log() ? "log scale; zero bars are not drawn" : null);
        return new Figure(spec.name(), title, ChartStyle.apply(Bars.chart(title, categoryLabel, valueLabel, data, spec.log()), caption),
                table.build(), caption);
    }

    private static void add(DefaultStatisticalCategoryDataset data, DataTable.Builder table, String measure,
                            String series, String category, Summary s) {
        if (s.n() == 0) {
            return;
        }
        data.add((Number) s.mean(), Bars.whisker(s), series, category);
        table.row(measure, series, category, s.n(), s.mean(), s.ciLow(), s.ciHigh());
    }
}
