package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.model.MeasureNames;
import dev.uringlab.analysis.model.ProbeKeys;
import dev.uringlab.analysis.model.RunRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Events per I/O vs a swept axis with one line per case (Fig. 4.7, 4.8): a probe keyed by return
 * value or callsite becomes one line per key ("wake_up_state [0]", "wake_up_state [1]"), times
 * the series axis; a probe without keys is one line. Keys are read from the runs, so a case
 * that never happened in any run has no line rather than a line at zero.
 */
final class CountsFigure {

    private CountsFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        List<String> cases = new ArrayList<>();
        for (String y : spec.y()) {
            if (y.contains("[")) {
                cases.add(y);
                continue;
            }
            TreeSet<String> keys = new TreeSet<>(ProbeKeys.ORDER);
            for (RunRecord r : ctx.runs()) {
                keys.addAll(r.probeCounts().getOrDefault(y, Map.of()).keySet());
            }
            keys.remove("");
            if (keys.isEmpty()) {
                cases.add(y);
            } else {
                keys.forEach(k -> cases.add(y + "[" + k + "]"));
            }
        }
        PlotSpec lines = new PlotSpec(spec.name(), PlotType.LINE, cases, spec.x(), spec.series(), spec.facet(), spec.log(),
                true, spec.baseline());
        Figure f = LineFigure.build(lines, ctx);
        String x = Layout.of(spec, ctx.grouping()).x;
        String title = String.join(", ", spec.y().stream().map(MeasureNames::probe).toList()) + " per I/O"
                + (spec.y().size() == 1 && cases.size() > 1 ? " by key" : "") + (x == null ? "" : " vs " + MeasureNames.axis(x));
        f.chart().setTitle(title);
        f.chart().getTitle().setFont(Palette.TITLE);
        return new Figure(f.name(), title, f.chart(), f.data(), f.caption());
    }
}
