package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;

/**
 * Two measures of different units against one swept axis: the left one solid, the right one
 * dashed, same colour per series, so "throughput falls as the IPI rate rises" is one picture.
 */
final class DualAxisFigure {

    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private DualAxisFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        Layout layout = Layout.of(spec, ctx.grouping());
        XAxis x = new XAxis(layout.x == null ? "" : dev.uringlab.analysis.model.MeasureNames.axis(layout.x), layout.xValues(ctx.grouping()));
        String left = Cells.measure(spec, spec.y().get(0), ctx);
        String right = Cells.measure(spec, spec.y().get(1), ctx);
        DataTable.Builder table = DataTable.builder("measure", "series", layout.x == null ? "x" : layout.x,
                "n", "mean", "ci_low", "ci_high");
        YIntervalSeriesCollection leftData = dataset(left, layout, ctx, x, table);
        YIntervalSeriesCollection rightData = dataset(right, layout, ctx, x, table);
        ValueAxis leftAxis = LineFigure.valueAxis(Measures.label(left) + "  ——", false);
        ValueAxis rightAxis = LineFigure.valueAxis(Measures.label(right) + "  – –", spec.log());
        XYPlot plot = new XYPlot(leftData, x.axis, leftAxis, renderer(leftData.getSeriesCount(), SOLID));
        plot.setRangeAxis(1, rightAxis);
        plot.setDataset(1, rightData);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(rightData.getSeriesCount(), DASHED));
        String title = Measures.label(left) + " and " + Measures.label(right);
        String caption = ctx.caption("solid: left axis, dashed: right axis");
        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, true);
        return new Figure(spec.name(), title, ChartStyle.apply(chart, caption), table.build(), caption);
    }

    private static YIntervalSeriesCollection dataset(String measure, Layout layout, FigureContext ctx, XAxis x,
                                                     DataTable.Builder table) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Map.Entry<String, Map<String, List<Group>>> s : layout.cells(ctx.grouping()).entrySet()) {
            YIntervalSeries series = new YIntervalSeries(s.getKey() + " · " + measure);
            for (Map.Entry<String, List<Group>> cell : s.getValue().entrySet()) {
                Summary sum = Cells.summary(cell.getValue(), measure);
                if (sum.n() == 0) {
                    continue;
                }
                series.add(x.position(cell.getKey()), sum.mean(), sum.hasInterval() ? sum.ciLow() : sum.mean(),
                        sum.hasInterval() ? sum.ciHigh() : sum.mean());
                table.row(measure, s.getKey(), cell.getKey(), sum.n(), sum.mean(), sum.ciLow(), sum.ciHigh());
            }
            data.addSeries(series);
        }
        return data;
    }

    private static ErrorBarRenderer renderer(int seriesCount, BasicStroke stroke) {
        return new ErrorBarRenderer(seriesCount, stroke);
    }
}
