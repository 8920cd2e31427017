package dev.uringlab.analysis.plot;

import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Small multiples: XY panels side by side (wrapping after {@code columns}), each with its own y
 * axis and a short title, one shared legend (the panels' series are the same). JFreeChart's
 * combined plots stack panels or share the value axis; a thesis' "IOPS | mean latency | p99" row
 * needs neither.
 */
final class PanelsPlot extends Plot {

    static final double TITLE_HEIGHT = 22;
    static final double GAP = 10;

    final List<XYPlot> panels;
    final List<String> titles;
    private final int columns;

    PanelsPlot(List<XYPlot> panels, List<String> titles, int columns) {
        this.panels = List.copyOf(panels);
        this.titles = List.copyOf(titles);
        this.columns = Math.max(1, Math.min(columns, panels.size()));
    }

    @Override
    public String getPlotType() {
        return "Panels";
    }

    @Override
    public LegendItemCollection getLegendItems() {
        return panels.isEmpty() ? new LegendItemCollection() : panels.get(0).getLegendItems();
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        int rows = (panels.size() + columns - 1) / columns;
        double w = (area.getWidth() - GAP * (columns - 1)) / columns;
        double h = (area.getHeight() - GAP * (rows - 1)) / rows;
        for (int i = 0; i < panels.size(); i++) {
            double x = area.getX() + (i % columns) * (w + GAP);
            double y = area.getY() + (i / columns) * (h + GAP);
            g2.setFont(Palette.LABEL);
            g2.setPaint(java.awt.Color.BLACK);
            String title = titles.get(i);
            double tw = g2.getFontMetrics().stringWidth(title);
            g2.drawString(title, (float) (x + Math.max(0, (w - tw) / 2)), (float) (y + TITLE_HEIGHT - 6));
            panels.get(i).draw(g2, new Rectangle2D.Double(x, y + TITLE_HEIGHT, w, h - TITLE_HEIGHT), null, parentState, null);
        }
    }
}
