package dev.uringlab.analysis.plot;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * A step line (flat to the next point's x, then up or down to its y, as XYStepRenderer draws
 * it) drawn as one path per series. XYStepRenderer strokes every step as two separate lines:
 * in an SVG that is two elements with a full style each (a CDF's 2,100 steps were 1.2 MB), in
 * a PDF two path objects, and in the PNG two antialiased strokes whose joins overlap.
 */
final class StepPathRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    StepPathRenderer() {
        super(true, false);
        setDrawSeriesLineAsPath(true);
    }

    @Override
    protected void drawPrimaryLineAsPath(XYItemRendererState state, Graphics2D g2, XYPlot plot, XYDataset dataset, int pass,
                                         int series, int item, ValueAxis domainAxis, ValueAxis rangeAxis, Rectangle2D dataArea) {
        State s = (State) state;
        Point2D at = s.seriesPath.getCurrentPoint();
        if (s.isLastPointGood() && at != null) {
            double x = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea, plot.getDomainAxisEdge());
            double y = rangeAxis.valueToJava2D(dataset.getYValue(series, item), dataArea, plot.getRangeAxisEdge());
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                // The corner: the previous level carried to this x (swapped when the plot is turned).
                if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
                    s.seriesPath.lineTo(at.getX(), (float) x);
                } else {
                    s.seriesPath.lineTo((float) x, at.getY());
                }
            }
        }
        super.drawPrimaryLineAsPath(state, g2, plot, dataset, pass, series, item, domainAxis, rangeAxis, dataArea);
    }
}
