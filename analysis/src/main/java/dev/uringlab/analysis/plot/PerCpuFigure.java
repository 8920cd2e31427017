package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.model.ProbeKeys;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Summary;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.util.Set;
import java.util.TreeSet;

/** A per-CPU probe's counts, one category per CPU and one bar per configuration: where the IRQs/IPIs land. */
final class PerCpuFigure {

    private PerCpuFigure() {
    }

    static Figure build(PlotSpec spec, FigureContext ctx) {
        String probe = spec.y().get(0);
        // bpftrace prints no key for a CPU that saw nothing: list every online CPU so a zero shows as zero.
        Set<String> cpus = new TreeSet<>(ProbeKeys.ORDER);
        ctx.manifest().onlineCpus().forEach(c -> cpus.add(Integer.toString(c)));
        for (RunRecord r : ctx.runs()) {
            cpus.addAll(r.probeCounts().getOrDefault(probe, java.util.Map.of()).keySet());
        }
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        DataTable.Builder table = DataTable.builder("probe", "series", "cpu", "n", "mean", "ci_low", "ci_high");
        for (Group g : ctx.grouping().groups()) {
            for (String cpu : cpus) {
                String measure = probe + "[" + cpu + "]" + (spec.perIo() ? Measures.PER_IO : "");
                Summary s = g.summary(measure);
                if (s.n() == 0) {
                    continue;
                }
                data.add((Number) s.mean(), Bars.whisker(s), g.label(), "CPU " + cpu);
                table.row(probe, g.label(), cpu, s.n(), s.mean(), s.ciLow(), s.ciHigh());
            }
        }
        String unit = spec.perIo() ? "events/IO" : "events";
        String title = probe + " per CPU";
        String caption = ctx.caption(null);
        return new Figure(spec.name(), title,
                ChartStyle.apply(Bars.chart(title, "CPU", probe + " (" + unit + ")", data, spec.log()), caption),
                table.build(), caption);
    }
}
