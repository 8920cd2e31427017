package dev.uringlab.analysis.report;

import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Grouping;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Numbers;
import dev.uringlab.analysis.stats.RelativeChange;
import dev.uringlab.analysis.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two result sets (say, two kernels) compared configuration by configuration: configurations
 * are matched by equal parameters, and B is reported relative to A with a 95% interval.
 */
public record Comparison(DataTable table, List<Finding> findings, List<String> onlyInA, List<String> onlyInB) {

    public static Comparison of(ResultsDirectory a, ResultsDirectory b) {
        Grouping ga = Grouping.of(a.runs(), List.of());
        Grouping gb = Grouping.of(b.runs(), List.of());
        Set<String> probes = new LinkedHashSet<>(Measures.measuredProbes(a.runs()));
        probes.retainAll(Measures.measuredProbes(b.runs()));
        List<String> measures = new ArrayList<>();
        for (String m : List.of(Metrics.IOPS, "lat_mean_us", "lat_p99_us")) {
            if (a.runs().stream().anyMatch(r -> r.metrics().containsKey(m))) {
                measures.add(m);
            }
        }
        probes.forEach(p -> measures.add(p + Measures.PER_IO));
        DataTable.Builder table = DataTable.builder("configuration", "measure", "A mean", "B mean", "change",
                "95% CI", "n A", "n B", "CIs overlap");
        List<Finding> findings = new ArrayList<>();
        List<String> onlyInA = new ArrayList<>();
        List<String> matchedB = new ArrayList<>();
        String subjectA = a.manifest().hostname() + " " + a.manifest().kernel();
        String subjectB = b.manifest().hostname() + " " + b.manifest().kernel();
        for (Group x : ga.groups()) {
            Group y = match(x, gb);
            if (y == null) {
                onlyInA.add(x.label());
                continue;
            }
            matchedB.add(y.label());
            for (String m : measures) {
                Summary sa = x.summary(m);
                Summary sb = y.summary(m);
                if (sa.n() == 0 || sb.n() == 0) {
                    continue;
                }
                RelativeChange rc = RelativeChange.of(sa, sb);
                table.row(x.label(), m, sa.mean(), sb.mean(), Numbers.percent(rc.change()),
                        Numbers.percentInterval(rc.ciLow(), rc.ciHigh()), sa.n(), sb.n(), rc.overlap());
            }
            findings.add(Findings.compare(x, y, "B (" + subjectB + ") vs A (" + subjectA + ") at " + x.label(), List.copyOf(probes)));
        }
        List<String> onlyInB = gb.groups().stream().map(Group::label).filter(l -> !matchedB.contains(l)).toList();
        return new Comparison(table.build(), findings, onlyInA, onlyInB);
    }

    /** The group of B with exactly A's parameters; the axes may differ if only one set swept an axis. */
    private static Group match(Group x, Grouping b) {
        Map<String, Object> params = x.runs().get(0).params();
        for (Group g : b.groups()) {
            if (String.valueOf(g.runs().get(0).params()).equals(String.valueOf(params))) {
                return g;
            }
        }
        return null;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("## Findings\n\n");
        findings.forEach(f -> out.append("- ").append(f.caution() ? "⚠ " : "").append(f.text()).append('\n'));
        onlyInA.forEach(l -> out.append("- only in A: ").append(l).append('\n'));
        onlyInB.forEach(l -> out.append("- only in B: ").append(l).append('\n'));
        out.append("\n## Per configuration\n\n");
        MarkdownReport.table(out, table);
        return out.toString();
    }
}
