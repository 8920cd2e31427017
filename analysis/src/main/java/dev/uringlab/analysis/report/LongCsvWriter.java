package dev.uringlab.analysis.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Measures;

import java.io.FilterWriter;
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

    /** Streams instead of building one string: 10,000 runs make ~1 M rows. */
    public static void write(List<RunRecord> runs, Writer writer) throws IOException {
        writer.write(HEADER);
        // The caller owns the writer: the row writer must not close it.
        try (SequenceWriter rows = Csv.rows(new FilterWriter(writer) {
            @Override
            public void close() throws IOException {
                flush();
            }
        })) {
            for (RunRecord run : runs) {
                appendRun(rows, run);
            }
        }
    }

    private static void appendRun(SequenceWriter rows, RunRecord run) throws IOException {
        if (!run.ok()) {
            return;
        }
        String id = run.runId();
        for (Map.Entry<String, Double> metric : run.metrics().entrySet()) {
            row(rows, id, metric.getKey(), metric.getValue());
        }
        for (Map.Entry<String, Map<String, Long>> probe : run.probeCounts().entrySet()) {
            String p = probe.getKey();
            for (String measure : List.of(p, p + Measures.PER_IO, p + Measures.PER_S)) {
                row(rows, id, measure, Measures.value(run, measure));
            }
            for (Map.Entry<String, Long> key : probe.getValue().entrySet()) {
                if (!key.getKey().isEmpty()) {
                    row(rows, id, p + "[" + key.getKey() + "]", (double) key.getValue());
                }
            }
        }
    }

    private static void row(SequenceWriter rows, String run, String measure, double value) throws IOException {
        if (Double.isNaN(value)) {
            return;
        }
        rows.write(new String[] {run, measure, RunsCsvWriter.number(value), Measures.unit(measure)});
    }
}
