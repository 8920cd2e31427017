package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.io.Manifest;
import dev.uringlab.analysis.io.RunHistograms;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Grouping;

import java.util.List;

/**
 * What every figure is drawn from: the grouped runs, all runs (failed included), the host, and
 * where each run's latency histogram can be read.
 */
public record FigureContext(Grouping grouping, List<RunRecord> runs, Manifest manifest, RunHistograms histograms) {

    public FigureContext(Grouping grouping, List<RunRecord> runs, Manifest manifest) {
        this(grouping, runs, manifest, RunHistograms.NONE);
    }

    /** True when some configuration has more than one run: only then are there intervals to draw. */
    public boolean repeated() {
        return grouping.groups().stream().anyMatch(g -> g.runs().size() > 1);
    }

    /** The caption line; says what the error bars are so a copied figure cannot be misread. */
    public String caption(String extra) {
        String bars = repeated() ? "error bars: 95% CI of the mean (Student t)" : "one run per point, no error bars";
        return manifest.caption() + " · " + bars + (extra == null || extra.isEmpty() ? "" : " · " + extra);
    }

    /** The caption for figures without error bars (distributions). */
    public String plainCaption(String extra) {
        return manifest.caption() + (extra == null || extra.isEmpty() ? "" : " · " + extra);
    }

    FigureContext with(Grouping part) {
        return new FigureContext(part, runs, manifest, histograms);
    }
}
