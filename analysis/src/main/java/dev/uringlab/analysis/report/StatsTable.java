package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Grouping;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Outliers;
import dev.uringlab.analysis.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * stats.csv: per configuration and measure, n, mean, stddev, 95% CI, min, max and the runs
 * flagged as outliers (by run id, so they can be looked at; they stay in every number).
 */
public final class StatsTable {

    private StatsTable() {
    }

    /** Every metric and, per probe, events per IO and per second. */
    public static List<String> measures(List<RunRecord> runs) {
        Set<String> measures = new LinkedHashSet<>();
        runs.stream().filter(RunRecord::ok).forEach(r -> measures.addAll(r.metrics().keySet()));
        for (String p : Measures.measuredProbes(runs)) {
            measures.add(p + Measures.PER_IO);
            measures.add(p + Measures.PER_S);
        }
        return new ArrayList<>(measures);
    }

    public static DataTable of(Grouping grouping, List<String> measures) {
        List<String> header = new ArrayList<>(grouping.axes());
        header.addAll(List.of("measure", "unit", "n", "mean", "stddev", "ci95_low", "ci95_high", "min", "max", "outliers"));
        DataTable.Builder table = DataTable.builder(header.toArray(String[]::new));
        for (Group g : grouping.groups()) {
            for (String m : measures) {
                double[] values = g.values(m);
                Summary s = Summary.of(values);
                if (s.n() == 0) {
                    continue;
                }
                boolean[] flags = Outliers.flag(values);
                List<String> flagged = new ArrayList<>();
                for (int i = 0; i < flags.length; i++) {
                    if (flags[i]) {
                        flagged.add(g.runs().get(i).runId());
                    }
                }
                List<Object> row = new ArrayList<>();
                grouping.axes().forEach(a -> row.add(String.valueOf(g.get(a))));
                row.addAll(List.of(m, Measures.unit(m), s.n(), s.mean(), s.stddev(), s.ciLow(), s.ciHigh(), s.min(), s.max(),
                        String.join(" ", flagged)));
                table.row(row.toArray());
            }
        }
        return table.build();
    }

    public static String csv(DataTable table) {
        StringBuilder out = new StringBuilder(Csv.line(table.header()));
        for (List<String> row : table.rows()) {
            out.append(Csv.line(row));
        }
        return out.toString();
    }
}
