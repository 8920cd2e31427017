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

    private static final int FEW_CPUS = 8;

    private PerCpuFigure() {
    }

    private static String values(Group g) {
        return g.swept().isEmpty() ? g.label() : String.join(", ", g.swept().values().stream().map(String::valueOf).toList());
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
                // Few CPUs: a bar per CPU within each configuration (legend: the CPUs); many: the other way round.
                if (cpus.size() <= FEW_CPUS) {
                    data.add((Number) s.mean(), Bars.whisker(s), "CPU " + cpu, values(g));
                } else {
                    data.add((Number) s.mean(), Bars.whisker(s), g.label(), "CPU " + cpu);
                }
                table.row(probe, g.label(), cpu, s.n(), s.mean(), s.ciLow(), s.ciHigh());
            }
        }
        String name = dev.uringlab.analysis.model.MeasureNames.probe(probe);
        String title = Character.toUpperCase(name.charAt(0)) + name.substring(1) + (spec.perIo() ? " per I/O" : "") + " by CPU";
        String caption = ctx.caption(null);
        // The axis names once in the axis title, the values under each group: "false, irq, 1", not "coop_taskrun=false, …".
        String categories = cpus.size() > FEW_CPUS ? "CPU" : ctx.grouping().axes().isEmpty() ? "" : String.join(", ", ctx.grouping().axes());
        return new Figure(spec.name(), title,
                ChartStyle.apply(Bars.chart(title, categories, spec.perIo() ? "per I/O" : "events", data, spec.log()), caption),
                table.build(), caption);
    }
}
