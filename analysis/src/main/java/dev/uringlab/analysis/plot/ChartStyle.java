package dev.uringlab.analysis.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.Color;

/** One look for every figure: white background, light grid, large type, legend below, caption last. */
final class ChartStyle {

    private ChartStyle() {
    }

    static JFreeChart apply(JFreeChart chart, String caption) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(Palette.TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(Palette.TICK);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        TextTitle captionTitle = new TextTitle(caption, Palette.CAPTION);
        captionTitle.setPosition(RectangleEdge.BOTTOM);
        captionTitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
        captionTitle.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(captionTitle);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Palette.GRID);
            xy.setRangeGridlinePaint(Palette.GRID);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                style(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                style(xy.getRangeAxis(i));
            }
        } else if (plot instanceof PanelsPlot panels) {
            for (XYPlot xy : panels.panels) {
                xy.setBackgroundPaint(Color.WHITE);
                xy.setOutlinePaint(Color.GRAY);
                xy.setDomainGridlinePaint(Palette.GRID);
                xy.setRangeGridlinePaint(Palette.GRID);
                style(xy.getDomainAxis());
                style(xy.getRangeAxis());
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(Palette.GRID);
            style(cat.getDomainAxis());
            for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                style(cat.getRangeAxis(i));
            }
        }
        return chart;
    }

    private static void style(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(Palette.LABEL);
        axis.setTickLabelFont(Palette.TICK);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
    }
}
