package dev.uringlab.analysis.plot;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A log axis labelled as people read one (see {@link LogTicks}); or, for swept values such as
 * queue depths 1, 4, 16, 64, a tick at exactly those values and nowhere else.
 */
final class ReadableLogAxis extends LogAxis {

    private final List<Double> fixed;
    private final double zeroAt;

    ReadableLogAxis(String label) {
        this(label, List.of(), Double.NaN);
    }

    /** @param zeroAt where a swept 0 is drawn (labelled "0"); NaN when there is none */
    ReadableLogAxis(String label, List<Double> fixedTicks, double zeroAt) {
        super(label);
        this.fixed = List.copyOf(fixedTicks);
        this.zeroAt = zeroAt;
        setMinorTickMarksVisible(false);
    }

    /** The ticks the axis draws for its current range: what tests read instead of pixels. */
    List<NumberTick> ticks(RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        double low = Math.max(getRange().getLowerBound(), getSmallestValue());
        double high = getRange().getUpperBound();
        List<NumberTick> ticks = new ArrayList<>();
        List<Double> values = (fixed.isEmpty() ? LogTicks.values(low, high) : fixed).stream()
                .filter(v -> v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9)).toList();
        List<String> labels = new ArrayList<>(LogTicks.labels(values));
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == zeroAt) {
                labels.set(i, "0");
            }
        }
        for (int i = 0; i < values.size(); i++) {
            ticks.add(new NumberTick(TickType.MAJOR, values.get(i), labels.get(i), anchor, anchor, 0.0));
        }
        return ticks;
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge);
    }
}
