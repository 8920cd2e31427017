package dev.uringlab.analysis.verdict;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The verdict table in the three forms the reports use: verdicts.csv, a Markdown table and an HTML table. */
public final class VerdictTable {

    static final List<String> COLUMNS = List.of("experiment", "claim", "source", "compared", "metric", "expected",
            "verdict", "estimate", "interval", "runs", "test", "detail");

    private VerdictTable() {
    }

    public static String csv(List<VerdictResult> results) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        new CsvMapper().writer(schema.build()).writeValues(out).writeAll(rows(results)).close();
        return out.toString();
    }

    /** verdicts.csv read back as rows (column → cell), for summaries and comparisons. */
    public static List<Map<String, String>> readCsv(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Verdicts.readRows(file);
    }

    public static String markdown(List<VerdictResult> results) {
        StringBuilder out = new StringBuilder("## Verdicts\n\n| claim | source | compared | metric | expected | verdict | estimate [95% CI] | runs | test / detail |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, String> r : rows(results)) {
            out.append("| ").append(md(r.get("claim"))).append(" | ").append(md(r.get("source"))).append(" | ")
                    .append(md(r.get("compared"))).append(" | ").append(md(r.get("metric"))).append(" | ")
                    .append(md(r.get("expected"))).append(" | **").append(r.get("verdict")).append("** | ")
                    .append(md((r.get("estimate") + " " + r.get("interval")).trim())).append(" | ").append(r.get("runs"))
                    .append(" | ").append(md((r.get("test") + (r.get("test").isEmpty() ? "" : "; ") + r.get("detail")))).append(" |\n");
        }
        return out.append('\n').toString();
    }

    public static String html(List<VerdictResult> results) {
        return html(results, metric -> null);
    }

    /** @param figureOf the anchor of the figure that shows a metric, or null: the metric cell links to it */
    public static String html(List<VerdictResult> results, java.util.function.Function<String, String> figureOf) {
        StringBuilder out = new StringBuilder("<h2>Verdicts</h2>\n<table class=\"verdicts\">\n<tr><th>claim</th><th>source</th>"
                + "<th>compared</th><th>metric</th><th>expected</th><th>verdict</th><th>estimate [95% CI]</th><th>runs</th>"
                + "<th>test / detail</th></tr>\n");
        for (Map<String, String> r : rows(results)) {
            out.append("<tr><td>").append(esc(r.get("claim"))).append("</td><td>").append(esc(r.get("source")))
                    .append("</td><td>").append(esc(r.get("compared"))).append("</td><td>").append(metricCell(r.get("metric"), figureOf.apply(r.get("metric"))))
                    .append("</td><td>").append(esc(r.get("expected"))).append("</td><td><b>").append(esc(r.get("verdict")))
                    .append("</b></td><td>").append(esc((r.get("estimate") + " " + r.get("interval")).trim()))
                    .append("</td><td>").append(esc(r.get("runs"))).append("</td><td>")
                    .append(esc(r.get("test") + (r.get("test").isEmpty() ? "" : "; ") + r.get("detail"))).append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String metricCell(String metric, String anchor) {
        return anchor == null ? esc(metric) : "<a href=\"#" + esc(anchor) + "\">" + esc(metric) + "</a>";
    }

    /** The table's cells per verdict, keyed by column name (the columns of verdicts.csv). */
    public static List<Map<String, String>> rows(List<VerdictResult> results) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (VerdictResult v : results) {
            Expectation e = v.expectation();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("experiment", e.experiment());
            row.put("claim", e.claim());
            row.put("source", e.source());
            row.put("compared", e.comparedText());
            row.put("metric", e.metric());
            row.put("expected", e.effect().text());
            row.put("verdict", v.verdict().label());
            row.put("estimate", v.estimate());
            row.put("interval", v.interval());
            row.put("runs", e.compares() || e.ranks() ? v.baselineRuns() + " vs " + v.treatmentRuns() : String.valueOf(v.treatmentRuns()));
            row.put("test", v.test());
            row.put("detail", v.detail());
            rows.add(row);
        }
        return rows;
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
