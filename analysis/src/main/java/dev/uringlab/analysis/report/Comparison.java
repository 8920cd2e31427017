package dev.uringlab.analysis.report;

import dev.uringlab.analysis.compare.SourceMatch;
import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Numbers;
import dev.uringlab.analysis.stats.RelativeChange;
import dev.uringlab.analysis.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two result sets (say, two kernels) compared configuration by configuration: configurations
 * are matched on the parameters both have ({@link SourceMatch}), and B is reported relative to A
 * with a 95% interval.
 */
public record Comparison(DataTable table, List<Finding> findings, List<String> onlyInA, List<String> onlyInB) {

    public static Comparison of(ResultsDirectory a, ResultsDirectory b) {
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
        String subjectA = a.manifest().hostname() + " " + a.manifest().kernel();
        String subjectB = b.manifest().hostname() + " " + b.manifest().kernel();
        // Matched on the parameters both sets have (an imported capture knows fewer than a sweep), as the figures are.
        SourceMatch match = SourceMatch.of("A", a.runs(), "B", b.runs());
        for (SourceMatch.Pair p : match.matched()) {
            Group x = new Group(p.config(), p.a());
            Group y = new Group(p.config(), p.b());
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
        List<String> onlyInA = match.onlyA();
        List<String> onlyInB = match.onlyB();
        return new Comparison(table.build(), findings, onlyInA, onlyInB);
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
