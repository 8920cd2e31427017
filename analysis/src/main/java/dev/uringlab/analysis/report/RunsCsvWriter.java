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

    /**
     * Streamed row by row: 100,000 runs are 40 MB of text, which `plot` must not hold twice in a 512 MiB heap.
     * Returns the columns written, so a later run that {@link Columns#fits} them can be appended.
     */
    public static Columns write(List<RunRecord> runs, java.io.Writer out) throws java.io.IOException {
        Columns columns = Columns.of(runs);
        out.write(columns.header());
        for (RunRecord run : runs) {
            out.write(columns.row(run));
        }
        out.flush();
        return columns;
    }

    /**
     * The columns a set of runs needs. A sweep appends a run's row to runs.csv when the run
     * {@link #fits} the columns already written, instead of rewriting every row after every run.
     */
    public static final class Columns {
        private final Set<String> params = new LinkedHashSet<>();
        private final Set<String> metrics = new LinkedHashSet<>();
        private final Set<String> probes = new LinkedHashSet<>();
        private final Map<String, Set<String>> probeKeys = new HashMap<>();

        private Columns() {
        }

        public static Columns of(List<RunRecord> runs) {
            Columns c = new Columns();
            for (RunRecord run : runs) {
                c.params.addAll(run.params().keySet());
                c.metrics.addAll(run.metrics().keySet());
                c.probes.addAll(run.probeVariants().keySet());
                run.probeCounts().forEach((probe, keys) -> {
                    c.probes.add(probe);
                    c.probeKeys.computeIfAbsent(probe, p -> new TreeSet<>(ProbeKeys.ORDER)).addAll(keys.keySet());
                });
            }
            return c;
        }

        /** True when the run's row needs no column these lack, so it can follow their rows unchanged. */
        public boolean fits(RunRecord run) {
            if (!params.containsAll(run.params().keySet()) || !metrics.containsAll(run.metrics().keySet())
                    || !probes.containsAll(run.probeVariants().keySet())) {
                return false;
            }
            for (Map.Entry<String, Map<String, Long>> e : run.probeCounts().entrySet()) {
                if (!probes.contains(e.getKey())) {
                    return false;
                }
                Set<String> known = probeKeys.getOrDefault(e.getKey(), Set.of());
                for (String key : e.getValue().keySet()) {
                    if (!key.isEmpty() && !known.contains(key)) {
                        return false;
                    }
                }
            }
            return true;
        }

        public String header() {
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
            return Csv.line(header);
        }

        public String row(RunRecord run) {
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
            return Csv.line(row);
        }
    }

    /** Six significant digits, no exponent, no trailing zeros: stable across JVMs and readable in a diff. */
    public static String number(double value) {
        return dev.uringlab.analysis.stats.Numbers.cell(value);
    }

    /** One CSV row with its line end, quoted as runs.csv is: for other tables that must read like it (overhead.csv). */
    public static String row(List<String> cells) {
        return Csv.line(cells);
    }
}
