package dev.uringlab.orchestrator.cli;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.orchestrator.host.HostFs;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's one page: per claim its source, the host, the verdict and where its report is. */
final class ReproduceSummary {

    record Row(Path file, Map<String, String> verdict) {
    }

    private static final List<String> COLUMNS = List.of("claim", "source", "host", "verdict", "estimate", "interval",
            "runs", "detail", "report");

    private ReproduceSummary() {
    }

    static String host(HostFs fs) {
        return fs.readLine("/proc/sys/kernel/hostname").orElse("unknown") + " (Linux "
                + fs.readLine("/proc/sys/kernel/osrelease").orElse("?") + ")";
    }

    static void write(Path results, List<Row> rows, String host, double wallSeconds) throws IOException {
        AtomicFiles.write(results.resolve("reproduce.md"), markdown(rows, host, wallSeconds));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        StringWriter csv = new StringWriter();
        new CsvMapper().writer(schema.build()).writeValues(csv).writeAll(cells(rows, host)).close();
        AtomicFiles.write(results.resolve("reproduce.csv"), csv.toString());
    }

    static String markdown(List<Row> rows, String host, double wallSeconds) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "# uringlab reproduce\n\nhost: %s; %d claims in %.0f s\n\n| claim | source | host | verdict | estimate [95%% CI] | runs | detail | report |\n|---|---|---|---|---|---|---|---|\n",
                host, rows.size(), wallSeconds));
        for (Map<String, String> c : cells(rows, host)) {
            out.append("| ").append(md(c.get("claim"))).append(" | ").append(md(c.get("source"))).append(" | ")
                    .append(md(c.get("host"))).append(" | **").append(c.get("verdict")).append("** | ")
                    .append(md((c.get("estimate") + " " + c.get("interval")).trim())).append(" | ").append(c.get("runs"))
                    .append(" | ").append(md(c.get("detail"))).append(" | ").append(c.get("report")).append(" |\n");
        }
        return out.toString();
    }

    private static List<Map<String, String>> cells(List<Row> rows, String host) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, String> v = r.verdict();
            Map<String, String> c = new LinkedHashMap<>();
            c.put("claim", v.get("claim"));
            c.put("source", v.get("source"));
            c.put("host", host);
            c.put("verdict", v.get("verdict"));
            c.put("estimate", v.get("estimate"));
            c.put("interval", v.get("interval"));
            c.put("runs", v.get("runs"));
            c.put("detail", v.get("test").isEmpty() ? v.get("detail") : v.get("test") + "; " + v.get("detail"));
            c.put("report", v.get("experiment") + "/report.html");
            out.add(c);
        }
        return out;
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }
}
