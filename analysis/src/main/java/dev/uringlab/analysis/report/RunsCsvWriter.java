package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.model.ProbeKeys;
import dev.uringlab.analysis.model.RunRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * runs.csv: one row per run, one column per parameter, metric and probe count, plus each
 * probe's count per IO (the thesis normalised by hand, in a spreadsheet). Column order is
 * stable: fixed columns, parameters, metrics, then probes as the runs list them.
 */
public final class RunsCsvWriter {

    private static final List<String> FIXED = List.of("experiment", "run_id", "repetition", "status");
    private static final List<String> TAIL = List.of("wall_s", "workload_s", "error", "warnings");

    private RunsCsvWriter() {
    }

    public static String write(List<RunRecord> runs) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(runs, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Streamed row by row: 100,000 runs are 40 MB of text, which `plot` must not hold twice in a 512 MiB heap. */
    public static void write(List<RunRecord> runs, java.io.Writer out) throws java.io.IOException {
        Set<String> params = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        Set<String> probes = new LinkedHashSet<>();
        Map<String, Set<String>> probeKeys = new HashMap<>();
        for (RunRecord run : runs) {
            params.addAll(run.params().keySet());
            metrics.addAll(run.metrics().keySet());
            probes.addAll(run.probeVariants().keySet());
            run.probeCounts().forEach((probe, keys) -> {
                probes.add(probe);
                probeKeys.computeIfAbsent(probe, p -> new TreeSet<>(ProbeKeys.ORDER)).addAll(keys.keySet());
            });
        }
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(params);
        header.add("cpus_resolved");
        header.addAll(metrics);
        for (String probe : probes) {
            header.add(probe);
            header.add(probe + "_per_io");
            header.add(probe + "_variant");
            for (String key : probeKeys.getOrDefault(probe, Set.of())) {
                if (!key.isEmpty()) {
                    header.add(probe + "[" + key + "]");
                }
            }
        }
        header.addAll(TAIL);

        appendRow(out, header);
        for (RunRecord run : runs) {
            List<String> row = new ArrayList<>();
            row.add(run.experiment());
            row.add(run.runId());
            row.add(Integer.toString(run.repetition()));
            row.add(run.status());
            for (String p : params) {
                Object v = run.params().get(p);
                row.add(v == null ? "" : String.valueOf(v));
            }
            row.add(run.cpus());
            for (String m : metrics) {
                Double v = run.metrics().get(m);
                row.add(v == null ? "" : number(v));
            }
            double ios = run.metrics().getOrDefault(Metrics.TOTAL_IOS, 0.0);
            for (String probe : probes) {
                Map<String, Long> counts = run.probeCounts().get(probe);
                boolean measured = counts != null;
                long total = run.probeTotal(probe);
                row.add(measured ? Long.toString(total) : "");
                row.add(measured && ios > 0 ? number(total / ios) : "");
                row.add(run.probeVariants().getOrDefault(probe, ""));
                for (String key : probeKeys.getOrDefault(probe, Set.of())) {
                    if (!key.isEmpty()) {
                        Long v = measured ? counts.getOrDefault(key, 0L) : null;
                        row.add(v == null ? "" : Long.toString(v));
                    }
                }
            }
            row.add(number(run.wallSeconds()));
            row.add(number(run.workloadSeconds()));
            row.add(run.error() == null ? "" : run.error());
            row.add(String.join("; ", run.warnings()));
            appendRow(out, row);
        }
        out.flush();
    }

    /** Six significant digits, no exponent, no trailing zeros: stable across JVMs and readable in a diff. */
    public static String number(double value) {
        return dev.uringlab.analysis.stats.Numbers.cell(value);
    }

    private static void appendRow(java.io.Writer out, List<String> cells) throws java.io.IOException {
        out.write(Csv.line(cells));
    }

    /** One CSV row with its line end, quoted as runs.csv is: for other tables that must read like it (overhead.csv). */
    public static String row(List<String> cells) {
        return Csv.line(cells);
    }
}
