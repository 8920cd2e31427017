package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Summary;

import java.util.List;

/** Statistics of the runs of one figure cell (one or more groups pooled). */
final class Cells {

    private Cells() {
    }

    static Summary summary(List<Group> groups, String measure) {
        if (groups == null || groups.isEmpty()) {
            return Summary.of(new double[0]);
        }
        if (groups.size() == 1) {
            return groups.get(0).summary(measure);
        }
        return Summary.of(groups.stream().flatMapToDouble(g -> java.util.Arrays.stream(g.values(measure))).toArray());
    }

    static String measure(PlotSpec spec, String y, FigureContext ctx) {
        return spec.perIo() ? dev.uringlab.analysis.stats.Measures.perIo(y, ctx.runs()) : y;
    }
}
