package dev.uringlab.analysis.report;

import dev.uringlab.analysis.plot.Figure;
import dev.uringlab.analysis.stats.DataTable;

import java.util.List;

/** report.md: findings, figures (linked PNGs) and the statistics, for pasting into an issue or a paper draft. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(ReportContent c) {
        StringBuilder out = new StringBuilder();
        var m = c.manifest();
        out.append("# ").append(m.experiment()).append("\n\n").append(m.description()).append("\n\n");
        out.append("Host `").append(m.hostname()).append("`, kernel `").append(m.kernel()).append("`, ")
                .append(m.workloadTool()).append(", ").append(m.bpftrace()).append("; ").append(c.runs().size())
                .append(" runs (").append(c.failedRuns()).append(" failed).\n\n## Findings\n\n");
        c.findings().forEach(f -> out.append("- ").append(f.caution() ? "⚠ " : "").append(f.text()).append('\n'));
        c.problems().forEach(p -> out.append("- ⚠ ").append(p).append('\n'));
        out.append("\n## Figures\n\n");
        for (Figure f : c.figures()) {
            out.append("![").append(f.title()).append("](figures/").append(f.name()).append(".png)\n\n*")
                    .append(f.caption()).append("*\n\n");
        }
        out.append("## Statistics per configuration\n\n");
        table(out, c.summary());
        return out.toString();
    }

    static void table(StringBuilder out, DataTable t) {
        out.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
        t.header().forEach(h -> out.append(" --- |"));
        out.append('\n');
        for (List<String> row : t.rows()) {
            out.append("| ").append(String.join(" | ", row.stream().map(s -> s.replace("|", "\\|")).toList())).append(" |\n");
        }
        out.append('\n');
    }
}
