package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Grouping;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Colour by one sweep axis, line style by another: eight configurations of iodepth × cpus read as
 * four colours (queue depth) drawn solid (irq) or dashed (non-irq), not as eight unrelated colours.
 * Only axes that vary within the figure count (a facet's own axis does not), and legend labels
 * leave the others out.
 */
final class SeriesStyle {

    static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};
    private static final String[] NAMES = {"solid", "dashed", "dotted", "dash-dot"};

    private final Grouping grouping;
    private final List<String> varying = new ArrayList<>();
    private final String colourAxis;
    private final String dashAxis;

    SeriesStyle(Grouping grouping) {
        this.grouping = grouping;
        for (String axis : grouping.axes()) {
            if (grouping.values(axis).size() > 1) {
                varying.add(axis);
            }
        }
        if (varying.size() == 2) {
            // The axis with fewer values (and few enough) takes the line style.
            int a = grouping.values(varying.get(0)).size();
            int b = grouping.values(varying.get(1)).size();
            String fewer = b <= a ? varying.get(1) : varying.get(0);
            boolean fits = grouping.values(fewer).size() <= DASHES.length;
            this.dashAxis = fits ? fewer : null;
            this.colourAxis = fits ? (fewer.equals(varying.get(0)) ? varying.get(1) : varying.get(0)) : null;
        } else {
            this.dashAxis = null;
            this.colourAxis = varying.size() == 1 ? varying.get(0) : null;
        }
    }

    int colour(Group g, int fallback) {
        return colourAxis == null ? fallback : grouping.values(colourAxis).indexOf(g.get(colourAxis));
    }

    BasicStroke stroke(Group g) {
        return stroke(dashAxis == null ? 0 : grouping.values(dashAxis).indexOf(g.get(dashAxis)));
    }

    static BasicStroke stroke(int index) {
        float[] dash = DASHES[Math.floorMod(index, DASHES.length)];
        return dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** "coop_taskrun=false, iodepth=16": the group by the axes that vary here only. */
    String label(Group g) {
        if (varying.isEmpty()) {
            return g.label();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        varying.forEach(a -> values.put(a, g.get(a)));
        return Group.labelOf(values);
    }

    /** The key to the line styles ("solid: cpus=irq, dashed: cpus=non-irq"); null when one style. */
    String note() {
        if (dashAxis == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        grouping.values(dashAxis).forEach(v -> names.add(dashAxis + "=" + v));
        return note(names);
    }

    static String note(List<String> seriesNames) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < seriesNames.size() && i < NAMES.length; i++) {
            s.append(i > 0 ? ", " : "").append(NAMES[i]).append(": ").append(seriesNames.get(i));
        }
        return s.toString();
    }
}
