package dev.uringlab.orchestrator.cli;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.report.RunsCsvWriter;
import dev.uringlab.analysis.verdict.Expectation;
import dev.uringlab.analysis.verdict.Verdict;
import dev.uringlab.analysis.verdict.VerdictResult;
import dev.uringlab.analysis.verdict.VerdictTable;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.lab.GuestLabel;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The suite's one page: per claim its source, the host it ran on (this host, or an emulated lab
 * guest), the verdict, the time its claim file took and where its report is.
 */
final class ReproduceSummary {

    /** One claim's line; {@code report} is relative to the summary's directory, empty when nothing ran. */
    record Row(String claim, String source, String host, String verdict, String estimate, String interval,
               String runs, String detail, String report, String seconds) {

        /** A row from a verdicts.csv row of a claim file that ran here for {@code seconds}. */
        static Row of(Map<String, String> v, String host, double seconds) {
            return new Row(v.get("claim"), v.get("source"), host, v.get("verdict"), v.get("estimate"), v.get("interval"),
                    v.get("runs"), v.get("test").isEmpty() ? v.get("detail") : v.get("test") + "; " + v.get("detail"),
                    v.get("experiment") + "/report.html", RunsCsvWriter.number(Math.round(seconds * 10) / 10.0));
        }

        /** A row read back from a reproduce.csv written under {@code subdir} of this summary's directory. */
        static Row fromCsv(Map<String, String> c, String subdir) {
            String report = c.getOrDefault("report", "");
            return new Row(c.get("claim"), c.get("source"), c.get("host"), c.get("verdict"), c.get("estimate"),
                    c.get("interval"), c.get("runs"), c.get("detail"), report.isEmpty() ? "" : subdir + "/" + report,
                    c.getOrDefault("seconds", ""));
        }

        List<String> cells() {
            return List.of(claim, source, host, verdict, estimate, interval, runs, detail, report, seconds);
        }
    }

    static final List<String> COLUMNS = List.of("claim", "source", "host", "verdict", "estimate", "interval",
            "runs", "detail", "report", "seconds");

    private ReproduceSummary() {
    }

    /** This host, or — inside a lab guest — the guest, labelled emulated with its preset and accelerator. */
    static String host(HostFs fs) {
        return host(fs, GuestLabel.fromEnvironment());
    }

    static String host(HostFs fs, Map<String, Object> guest) {
        String kernel = "Linux " + fs.readLine("/proc/sys/kernel/osrelease").orElse("?");
        if (guest.isEmpty()) {
            return fs.readLine("/proc/sys/kernel/hostname").orElse("unknown") + " (" + kernel + ")";
        }
        String topology = String.valueOf(guest.get("lab_topology"));
        String preset = topology.contains(":") ? topology.substring(0, topology.indexOf(':')) : topology;
        return "emulated lab guest " + preset + " (" + guest.get("emulated") + ", " + kernel + "; counts real, timings not)";
    }

    static void write(Path results, List<Row> rows, double wallSeconds) throws IOException {
        AtomicFiles.write(results.resolve("reproduce.md"), markdown(rows, wallSeconds));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<Map<String, String>> cells = new ArrayList<>();
        for (Row r : rows) {
            Map<String, String> c = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                c.put(COLUMNS.get(i), r.cells().get(i));
            }
            cells.add(c);
        }
        StringWriter csv = new StringWriter();
        new CsvMapper().writer(schema.build()).writeValues(csv).writeAll(cells).close();
        AtomicFiles.write(results.resolve("reproduce.csv"), csv.toString());
    }

    static String markdown(List<Row> rows, double wallSeconds) {
        Set<String> hosts = new LinkedHashSet<>();
        rows.forEach(r -> hosts.add(r.host()));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "# uringlab reproduce\n\nhosts: %s; %d claims in %.0f s\n\n| claim | source | host | verdict | estimate [95%% CI] | runs | detail | report | time (s) |\n|---|---|---|---|---|---|---|---|---|\n",
                String.join("; ", hosts), rows.size(), wallSeconds));
        for (Row r : rows) {
            out.append("| ").append(md(r.claim())).append(" | ").append(md(r.source())).append(" | ")
                    .append(md(r.host())).append(" | **").append(r.verdict()).append("** | ")
                    .append(md((r.estimate() + " " + r.interval()).trim())).append(" | ").append(r.runs())
                    .append(" | ").append(md(r.detail())).append(" | ").append(r.report()).append(" | ")
                    .append(r.seconds()).append(" |\n");
        }
        return out.toString();
    }

    /** The claims of a file that cannot run here, each "not measurable here" with the reason. */
    static List<Row> notMeasurable(List<Expectation> claims, String host, String reason) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> v : VerdictTable.rows(claims.stream()
                .map(e -> new VerdictResult(e, Verdict.NOT_MEASURABLE, "", "", "", reason, 0, 0)).toList())) {
            rows.add(new Row(v.get("claim"), v.get("source"), host, v.get("verdict"), "", "", "0", reason, "", ""));
        }
        return rows;
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }
}
