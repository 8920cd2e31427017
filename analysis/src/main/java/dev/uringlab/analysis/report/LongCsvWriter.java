package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Measures;

import java.io.IOException;
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
        StringBuilder out = new StringBuilder(HEADER);
        for (RunRecord run : runs) {
            appendRun(out, run);
        }
        return out.toString();
    }

    /** Streams instead of building one string: 10,000 runs make ~1 M rows. */
    public static void write(List<RunRecord> runs, Writer writer) throws IOException {
        writer.write(HEADER);
        StringBuilder out = new StringBuilder();
        for (RunRecord run : runs) {
            out.setLength(0);
            appendRun(out, run);
            writer.write(out.toString());
        }
    }

    private static void appendRun(StringBuilder out, RunRecord run) {
        if (!run.ok()) {
            return;
        }
        String id = RunsCsvWriter.escape(run.runId());
        run.metrics().forEach((name, value) -> row(out, id, name, value));
        for (Map.Entry<String, Map<String, Long>> probe : run.probeCounts().entrySet()) {
            String p = probe.getKey();
            for (String measure : List.of(p, p + Measures.PER_IO, p + Measures.PER_S)) {
                row(out, id, measure, Measures.value(run, measure));
            }
            probe.getValue().forEach((key, count) -> {
                if (!key.isEmpty()) {
                    row(out, id, p + "[" + key + "]", (double) count);
                }
            });
        }
    }

    private static void row(StringBuilder out, String run, String measure, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        out.append(run).append(',').append(RunsCsvWriter.escape(measure)).append(',')
                .append(RunsCsvWriter.number(value)).append(',').append(RunsCsvWriter.escape(Measures.unit(measure))).append('\n');
    }
}
