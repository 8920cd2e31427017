package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.plot.Figure;

import java.util.Map;

import static dev.uringlab.analysis.report.Html.esc;

/** report.html: one self-contained file (inline SVG, inline CSS) that opens from disk or an e-mail attachment. */
public final class HtmlReport {

    private static final String CSS = """
            body{font-family:'DejaVu Sans',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
            td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f3f3f3}
            td:first-child,th:first-child{text-align:left}
            .caution{color:#a14b00}.figure svg{max-width:100%;height:auto}.caption{color:#555;font-size:.85em}
            details{margin:.3em 0 1.5em}code{background:#f3f3f3;padding:0 3px}
            """;

    private HtmlReport() {
    }

    public static String render(ReportContent c) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(c.manifest().experiment())).append(" — uringlab report</title><style>").append(CSS)
                .append("</style></head><body>\n");
        out.append("<h1>").append(esc(c.manifest().experiment())).append("</h1>\n<p>")
                .append(esc(c.manifest().description())).append("</p>\n");
        manifest(out, c);
        out.append("<h2>Findings</h2>\n<ul>\n");
        c.findings().forEach(f -> out.append(f.caution() ? "<li class=\"caution\">" : "<li>").append(esc(f.text())).append("</li>\n"));
        c.problems().forEach(p -> out.append("<li class=\"caution\">").append(esc(p)).append("</li>\n"));
        out.append("</ul>\n<h2>Figures</h2>\n");
        for (Figure f : c.figures()) {
            out.append("<div class=\"figure\" id=\"").append(esc(f.name())).append("\">\n");
            String svg = c.svgs().get(f.name());
            out.append(svg == null ? "" : stripProlog(svg)).append('\n');
            out.append("<p class=\"caption\">").append(esc(f.caption())).append(" · files: figures/").append(esc(f.name()))
                    .append(".{png,svg,pdf}</p>\n<details><summary>data behind this figure</summary>\n");
            Html.table(out, f.data());
            out.append("</details></div>\n");
        }
        out.append("<h2>Statistics per configuration</h2>\n<p>95% CI of the mean (Student t); outliers by median absolute "
                + "deviation are listed, never dropped. All measures: <code>stats.csv</code>; every run: <code>runs.csv</code>, "
                + "<code>runs-long.csv</code>.</p>\n");
        Html.table(out, c.summary());
        failed(out, c);
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void manifest(StringBuilder out, ReportContent c) {
        var m = c.manifest();
        out.append("<h2>Host and setup</h2>\n<table>\n");
        row(out, "host", m.hostname());
        row(out, "kernel", m.kernel());
        m.emulated().ifPresent(e -> row(out, "emulated", e + " (" + m.raw().path("host").path("lab_topology").asText("")
                + "): counts are real, timings are not"));
        row(out, "CPU", m.cpuModel());
        row(out, "workload tool", m.workloadTool());
        row(out, "bpftrace", m.bpftrace());
        row(out, "swept axes", c.axes().isEmpty() ? "none" : String.join(", ", c.axes()));
        row(out, "runs", c.runs().size() + " (" + c.failedRuns() + " failed)");
        row(out, "written", m.writtenAt());
        out.append("</table>\n");
        if (!m.probeMeanings().isEmpty()) {
            out.append("<details><summary>probes: what each counts on this host</summary><table>\n");
            for (Map.Entry<String, String> p : m.probeMeanings().entrySet()) {
                row(out, p.getKey(), p.getValue());
            }
            out.append("</table></details>\n");
        }
    }

    private static void failed(StringBuilder out, ReportContent c) {
        if (c.failedRuns() == 0) {
            return;
        }
        out.append("<h2>Failed runs</h2>\n<table><tr><th>run</th><th>error</th></tr>\n");
        for (RunRecord r : c.runs()) {
            if (!r.ok()) {
                out.append("<tr><td>").append(esc(r.runId())).append("</td><td>").append(esc(r.error())).append("</td></tr>\n");
            }
        }
        out.append("</table>\n");
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("<tr><th>").append(esc(key)).append("</th><td style=\"text-align:left\">").append(esc(value)).append("</td></tr>\n");
    }

    private static String stripProlog(String svg) {
        return svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).strip() : svg;
    }
}
