package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.model.MeasureNames;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Measures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A row of panels sharing the swept x axis, one per y (the thesis' IOPS | mean latency | p99,
 * Fig. 4.6/4.24/4.27/4.32), the same lines (series) in each. With {@code per_io} and probes as y
 * it is the "events per I/O vs queue depth" figure, one panel per probe.
 */
final class PanelsFigure {

    static final int COLUMNS = 4;

    private PanelsFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        Layout layout = Layout.of(spec, ctx.grouping());
        List<String> xValues = layout.xValues(ctx.grouping());
        String xName = layout.x == null ? "" : MeasureNames.axis(layout.x);
        DataTable.Builder table = DataTable.builder("measure", "series", layout.x == null ? "x" : layout.x,
                "n", "mean", "ci_low", "ci_high", "stddev");
        List<XYPlot> panels = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Map<String, Map<String, List<Group>>> cells = layout.cells(ctx.grouping());
        for (String y : spec.y()) {
            String measure = Cells.measure(spec, y, ctx);
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            for (Map.Entry<String, Map<String, List<Group>>> s : cells.entrySet()) {
                data.addSeries(LineFigure.series(s.getKey(), measure, s, new XAxis(xName, xValues), table, spec.log()));
            }
            String label = Measures.label(measure);
            int paren = label.lastIndexOf(" (");
            // The panel title names the measure; its axis carries only the unit, once.
            String unit = paren > 0 ? label.substring(paren + 2, label.length() - 1) : measure.endsWith(Measures.PER_IO) ? "per I/O" : "";
            ValueAxis yAxis = LineFigure.valueAxis(unit, spec.log());
            if (yAxis instanceof org.jfree.chart.axis.LogAxis log) {
                log.setSmallestValue(smallestPositive(data) / 2);
            }
            XYPlot panel = new XYPlot(data, new XAxis(xName, xValues).axis, yAxis,
                    new ErrorBarRenderer(data.getSeriesCount(), new BasicStroke(2f)));
            panels.add(panel);
            titles.add(Measures.name(measure));
        }
        String title = spec.perIo() && spec.y().stream().noneMatch(y -> ctx.runs().stream().anyMatch(r -> r.metrics().containsKey(y)))
                ? "Kernel events per I/O" + (layout.x == null ? "" : " vs " + xName)
                : String.join(" | ", titles) + (layout.x == null ? "" : " vs " + xName);
        String caption = ctx.caption(spec.log() ? "log scale: a zero has no place and is not drawn" : null);
        JFreeChart chart = new JFreeChart(title, Palette.TITLE, new PanelsPlot(panels, titles, COLUMNS), cells.size() > 1);
        if (!panels.isEmpty()) {
            // The names go on the last panel of the first row, where the lines end next to the figure's edge.
            int columns = Math.min(COLUMNS, panels.size());
            int rows = (panels.size() + columns - 1) / columns;
            double width = (FigureWriter.WIDTH - 24 - PanelsPlot.GAP * (columns - 1)) / columns - 70;
            double height = (DirectLabels.PLOT_HEIGHT - PanelsPlot.GAP * (rows - 1)) / rows - PanelsPlot.TITLE_HEIGHT - 40;
            DirectLabels.attach(chart, panels.get(columns - 1), width, height);
        }
        return new Figure(spec.name(), title, ChartStyle.apply(chart, caption), table.build(), caption);
    }

    private static double smallestPositive(YIntervalSeriesCollection data) {
        double min = Double.POSITIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double v = data.getYValue(s, i);
                if (v > 0) {
                    min = Math.min(min, v);
                }
            }
        }
        return Double.isInfinite(min) ? 1e-6 : min;
    }
}
