package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Measures;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * runs-long.csv: one row per run and measure (run, metric, value, unit), the tidy shape pandas
 * and R group and plot without reshaping. Join with runs.csv on run = run_id for parameters.
 * Per run: its metrics, then per probe the total, per IO, per second and each key's count.
 * Failed runs and probes that did not run have no rows: absence, not zero.
 */
public final class LongCsvWriter {

    public static final String HEADER = "run,metric,value,unit\n";

    private LongCsvWriter() {
    }

    public static String write(List<RunRecord> runs) {
        StringWriter out = new StringWriter();
        try {
            write(runs, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Streams instead of building one string: 10,000 runs make ~600,000 rows. Cells that need no
     * quoting (run ids, metric names, numbers, units: almost all) are written directly; a row with
     * any other cell goes through the CSV writer, so the bytes are the same as if all did.
     */
    public static void write(List<RunRecord> runs, Writer writer) throws IOException {
        writer.write(HEADER);
        Rows rows = new Rows(writer);
        for (RunRecord run : runs) {
            appendRun(rows, run);
        }
        rows.flush();
    }

    private static void appendRun(Rows rows, RunRecord run) throws IOException {
        if (!run.ok()) {
            return;
        }
        String id = run.runId();
        boolean plainId = Csv.plain(id);
        for (Map.Entry<String, Double> metric : run.metrics().entrySet()) {
            rows.row(id, plainId, metric.getKey(), metric.getValue());
        }
        for (Map.Entry<String, Map<String, Long>> probe : run.probeCounts().entrySet()) {
            String p = probe.getKey();
            for (String measure : List.of(p, p + Measures.PER_IO, p + Measures.PER_S)) {
                rows.row(id, plainId, measure, Measures.value(run, measure));
            }
            for (Map.Entry<String, Long> key : probe.getValue().entrySet()) {
                if (!key.getKey().isEmpty()) {
                    rows.row(id, plainId, p + "[" + key.getKey() + "]", (double) key.getValue());
                }
            }
        }
    }

    /** The rows, with each measure's unit and whether its name needs quoting looked up once. */
    private static final class Rows {

        private final Writer out;
        private final StringBuilder buffer = new StringBuilder(1 << 16);
        private final Map<String, String> units = new java.util.HashMap<>();
        private final Map<String, Boolean> plainNames = new java.util.HashMap<>();

        Rows(Writer out) {
            this.out = out;
        }

        void row(String run, boolean plainRun, String measure, double value) throws IOException {
            if (Double.isNaN(value)) {
                return;
            }
            String unit = units.computeIfAbsent(measure, Measures::unit);
            String number = RunsCsvWriter.number(value);
            if (plainRun && plainNames.computeIfAbsent(measure, Csv::plain) && plainNames.computeIfAbsent(unit, Csv::plain)
                    && Csv.plain(number)) {
                buffer.append(run).append(',').append(measure).append(',').append(number).append(',').append(unit).append('\n');
            } else {
                buffer.append(Csv.line(List.of(run, measure, number, unit)));
            }
            if (buffer.length() > (1 << 16) - 512) {
                flush();
            }
        }

        void flush() throws IOException {
            out.write(buffer.toString());
            buffer.setLength(0);
        }
    }
}
