package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.io.Manifest;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Grouping;

import java.util.List;

/** What every figure is drawn from: the grouped runs, all runs (failed included), and the host. */
public record FigureContext(Grouping grouping, List<RunRecord> runs, Manifest manifest) {

    /** The caption line; says what the error bars are so a copied figure cannot be misread. */
    public String caption(String extra) {
        int maxN = grouping.groups().stream().mapToInt(g -> g.runs().size()).max().orElse(0);
        String bars = maxN > 1 ? "error bars: 95% CI of the mean (Student t)" : "one run per point, no error bars";
        return manifest.caption() + " · " + bars + (extra == null || extra.isEmpty() ? "" : " · " + extra);
    }
}
