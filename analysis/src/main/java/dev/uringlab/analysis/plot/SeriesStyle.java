package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Grouping;

import java.awt.BasicStroke;
import java.util.List;

/**
 * Colour by one sweep axis, line style by another: eight configurations of iodepth × cpus read as
 * four colours (queue depth) drawn solid (irq) or dashed (non-irq), not as eight unrelated colours.
 */
final class SeriesStyle {

    private static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};

    private final Grouping grouping;
    private final String colourAxis;
    private final String dashAxis;

    SeriesStyle(Grouping grouping) {
        this.grouping = grouping;
        List<String> axes = grouping.axes();
        this.colourAxis = axes.isEmpty() ? null : axes.get(0);
        this.dashAxis = axes.size() < 2 || grouping.values(axes.get(1)).size() > DASHES.length ? null : axes.get(1);
    }

    int colour(Group g, int fallback) {
        return colourAxis == null || dashAxis == null ? fallback : grouping.values(colourAxis).indexOf(g.get(colourAxis));
    }

    BasicStroke stroke(Group g) {
        float[] dash = dashAxis == null ? null : DASHES[grouping.values(dashAxis).indexOf(g.get(dashAxis))];
        return dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** The legend's key to the line styles ("solid: cpus=irq, dashed: cpus=non-irq"); null when one style. */
    String note() {
        if (dashAxis == null) {
            return null;
        }
        String[] names = {"solid", "dashed", "dotted", "dash-dot"};
        List<Object> values = grouping.values(dashAxis);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            s.append(i > 0 ? ", " : "").append(names[i]).append(": ").append(dashAxis).append('=').append(values.get(i));
        }
        return s.toString();
    }
}
