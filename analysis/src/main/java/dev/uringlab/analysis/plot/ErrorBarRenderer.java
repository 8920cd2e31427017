package dev.uringlab.analysis.plot;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Lines and markers with a vertical 95% CI bar only where the point has an interval (n ≥ 2): a
 * single run gets no bar at all, not a zero-width cap that reads as "no spread measured".
 */
final class ErrorBarRenderer extends XYErrorRenderer {

    ErrorBarRenderer(int seriesCount, BasicStroke stroke) {
        setDrawXError(false);
        setDefaultLinesVisible(true);
        setDefaultShapesVisible(true);
        setErrorPaint(null); // the series' own colour
        setCapLength(8);
        for (int i = 0; i < seriesCount; i++) {
            setSeriesPaint(i, Palette.color(i));
            setSeriesShape(i, Palette.shape(i));
            setSeriesStroke(i, stroke);
        }
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        boolean bar = !(dataset instanceof IntervalXYDataset d) || d.getStartYValue(series, item) < d.getEndYValue(series, item);
        setDrawYError(bar);
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
    }
}
