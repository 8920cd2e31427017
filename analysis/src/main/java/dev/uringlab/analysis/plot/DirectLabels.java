package dev.uringlab.analysis.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Each line's series name written at its last point, in the line's colour, instead of a legend
 * the reader has to match by colour and dash (Tufte; the thesis' own figures label lines this
 * way). Labels that would overlap are pushed apart vertically, with a short leader to their line.
 * Where that would move a label far from its line, or the names are too long for the space right
 * of the lines, the figure keeps its legend instead: a misplaced label is worse than a legend.
 */
final class DirectLabels extends AbstractXYAnnotation {

    static final Font FONT = Palette.TICK;
    /** Space between a line's last point and its label, in points. */
    static final double GAP = 8;
    /** Labels further than this many text lines from their line's end are not worth it. */
    static final double MAX_SHIFT_LINES = 2.5;
    /** At most this share of the plot's width may go to labels. */
    static final double MAX_WIDTH_SHARE = 0.32;

    /** The data area of a one-plot figure at {@link FigureWriter}'s size, less title, axes and caption. */
    static final double PLOT_WIDTH = FigureWriter.WIDTH - 110;
    static final double PLOT_HEIGHT = FigureWriter.HEIGHT - 130;

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** A line's end in data coordinates, and its name. */
    record Label(String text, Paint paint, double x, double y) {
    }

    /** A label where it is drawn (Java2D): the line end it belongs to and the text's box. */
    record Placed(String text, double lineX, double lineY, Rectangle2D box) {
    }

    private final List<Label> labels;
    private volatile List<Placed> drawn = List.of();

    private DirectLabels(List<Label> labels) {
        this.labels = List.copyOf(labels);
    }

    List<Label> labels() {
        return labels;
    }

    /** Where the labels went the last time the figure was drawn (for tests). */
    List<Placed> drawn() {
        return drawn;
    }

    /**
     * Puts the series names at the ends of the plot's lines and drops the chart's legend, if they
     * fit a plot area of about {@code width × height} points; otherwise changes nothing.
     *
     * @return the labels added, or null when the legend stays
     */
    static DirectLabels attach(JFreeChart chart, XYPlot plot, double width, double height) {
        XYDataset data = plot.getDataset();
        if (data == null || data.getSeriesCount() < 2 || plot.getRenderer() == null) {
            return null;
        }
        XYItemRenderer renderer = plot.getRenderer();
        List<Label> labels = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            int last = -1;
            for (int i = 0; i < data.getItemCount(s); i++) {
                double y = data.getYValue(s, i);
                if (!Double.isNaN(y) && (last < 0 || data.getXValue(s, i) >= data.getXValue(s, last))) {
                    last = i;
                }
            }
            if (last >= 0) {
                labels.add(new Label(String.valueOf(data.getSeriesKey(s)), renderer.getItemPaint(s, last),
                        data.getXValue(s, last), data.getYValue(s, last)));
            }
        }
        if (labels.size() < 2) {
            return null;
        }
        DirectLabels direct = new DirectLabels(labels);
        // A few points to spare: the real data area is a little narrower than the nominal one.
        double widest = labels.stream().mapToDouble(l -> textWidth(l.text())).max().orElse(0) + GAP + 12;
        if (widest > MAX_WIDTH_SHARE * width) {
            return null;
        }
        Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
        double line = lineHeight();
        for (Placed p : direct.layout(plot, area)) {
            if (Math.abs(p.box().getCenterY() - p.lineY()) > MAX_SHIFT_LINES * line) {
                return null;
            }
        }
        if (!makeRoom(plot.getDomainAxis(), labels, area, widest)) {
            return null;
        }
        plot.addAnnotation(direct, false);
        if (chart != null) {
            chart.removeLegend();
        }
        return direct;
    }

    /** The boxes of the labels on a data area: at their line's end, spread apart vertically. */
    List<Placed> layout(XYPlot plot, Rectangle2D area) {
        RectangleEdge xEdge = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
        RectangleEdge yEdge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        ValueAxis xAxis = plot.getDomainAxis();
        ValueAxis yAxis = plot.getRangeAxis();
        double h = lineHeight();
        Integer[] order = new Integer[labels.size()];
        double[] lineX = new double[labels.size()];
        double[] lineY = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            order[i] = i;
            lineX[i] = xAxis.valueToJava2D(labels.get(i).x(), area, xEdge);
            double y = labels.get(i).y();
            // A zero on a log axis is not drawn; its label goes to the axis floor.
            lineY[i] = yAxis instanceof LogAxis && y <= 0 ? area.getMaxY() : yAxis.valueToJava2D(y, area, yEdge);
            lineY[i] = Math.max(area.getMinY(), Math.min(area.getMaxY(), lineY[i]));
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> lineY[i]));
        double[] wanted = new double[labels.size()];
        for (int k = 0; k < order.length; k++) {
            wanted[k] = lineY[order[k]];
        }
        double[] centres = spread(wanted, h, area.getMinY(), area.getMaxY());
        Placed[] placed = new Placed[labels.size()];
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            String text = labels.get(i).text();
            placed[i] = new Placed(text, lineX[i], lineY[i],
                    new Rectangle2D.Double(lineX[i] + GAP, centres[k] - h / 2, textWidth(text), h));
        }
        return List.of(placed);
    }

    /**
     * Centres for boxes of height {@code h} wanted at {@code wanted} (ascending), moved as little
     * as possible so that none overlap and all lie in [top, bottom] where there is room: overlapping
     * neighbours form a block centred on their wanted mean, blocks merge until none overlap.
     */
    static double[] spread(double[] wanted, double h, double top, double bottom) {
        int n = wanted.length;
        List<double[]> blocks = new ArrayList<>(); // {first index, count, sum of wanted}
        for (int i = 0; i < n; i++) {
            blocks.add(new double[] {i, 1, wanted[i]});
            while (blocks.size() > 1) {
                double[] b = blocks.get(blocks.size() - 1);
                double[] a = blocks.get(blocks.size() - 2);
                if (start(a, h, top, bottom) + a[1] * h <= start(b, h, top, bottom) + 1e-9) {
                    break;
                }
                a[1] += b[1];
                a[2] += b[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] centres = new double[n];
        for (double[] b : blocks) {
            double s = start(b, h, top, bottom);
            for (int k = 0; k < (int) b[1]; k++) {
                centres[(int) b[0] + k] = s + h * k + h / 2;
            }
        }
        return centres;
    }

    /** Top edge of a block: centred on its members' wanted mean, kept inside the area if it fits. */
    private static double start(double[] block, double h, double top, double bottom) {
        double height = block[1] * h;
        double s = block[2] / block[1] - height / 2;
        s = Math.min(s, bottom - height);
        return Math.max(s, top);
    }

    /** Widens the x range on the right so the longest label fits after the last point. */
    private static boolean makeRoom(ValueAxis axis, List<Label> labels, Rectangle2D area, double need) {
        double w = area.getWidth();
        if (need >= w * 0.6) {
            return false;
        }
        double xmax = labels.stream().mapToDouble(Label::x).max().orElse(0);
        boolean log = axis instanceof LogAxis;
        if (log && xmax <= 0) {
            return false;
        }
        double lo = log ? Math.log10(axis.getLowerBound()) : axis.getLowerBound();
        double hi = log ? Math.log10(axis.getUpperBound()) : axis.getUpperBound();
        double end = log ? Math.log10(xmax) : xmax;
        if (hi <= lo) {
            return false;
        }
        double px = (end - lo) / (hi - lo) * w;
        if (px + need <= w) {
            return true;
        }
        double newHi = lo + (end - lo) * w / (w - need);
        axis.setRange(axis.getLowerBound(), log ? Math.pow(10, newHi) : newHi);
        return true;
    }

    static double lineHeight() {
        return FONT.getLineMetrics("Mg", FRC).getHeight() + 1;
    }

    static double textWidth(String text) {
        return FONT.getStringBounds(text, FRC).getWidth();
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        List<Placed> placed = layout(plot, dataArea);
        g2.setFont(FONT);
        float ascent = g2.getFontMetrics().getAscent();
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            g2.setPaint(labels.get(i).paint() == null ? java.awt.Color.BLACK : labels.get(i).paint());
            Rectangle2D box = p.box();
            if (Math.abs(box.getCenterY() - p.lineY()) > 1) {
                g2.setStroke(new BasicStroke(0.8f));
                g2.draw(new Line2D.Double(p.lineX() + 2, p.lineY(), box.getX() - 1, box.getCenterY()));
            }
            g2.drawString(p.text(), (float) box.getX(), (float) (box.getY() + ascent));
        }
        drawn = placed;
    }
}
