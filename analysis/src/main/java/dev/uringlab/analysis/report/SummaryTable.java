package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Group;
import dev.uringlab.analysis.stats.Grouping;
import dev.uringlab.analysis.stats.Measures;
import dev.uringlab.analysis.stats.Numbers;
import dev.uringlab.analysis.stats.Summary;

import java.util.ArrayList;
import java.util.List;

/** The report's overview: one row per configuration, the headline measures as "mean [95% CI]". */
final class SummaryTable {

    private SummaryTable() {
    }

    static List<String> headline(List<RunRecord> runs) {
        List<String> measures = new ArrayList<>();
        for (String m : List.of(Metrics.IOPS, "lat_mean_us", "lat_p99_us", "clat_mean_us", "clat_p99_us")) {
            if (runs.stream().anyMatch(r -> r.metrics().containsKey(m)) && measures.size() < 3) {
                measures.add(m);
            }
        }
        return measures;
    }

    static DataTable of(Grouping grouping, List<String> measures) {
        List<String> header = new ArrayList<>(grouping.axes());
        header.add("n");
        measures.forEach(m -> header.add(Measures.label(m)));
        DataTable.Builder table = DataTable.builder(header.toArray(String[]::new));
        for (Group g : grouping.groups()) {
            List<Object> row = new ArrayList<>();
            grouping.axes().forEach(a -> row.add(String.valueOf(g.get(a))));
            row.add(g.runs().size());
            for (String m : measures) {
                Summary s = g.summary(m);
                row.add(s.n() == 0 ? "" : Numbers.format(s.mean())
                        + (s.hasInterval() ? " [" + Numbers.format(s.ciLow()) + ", " + Numbers.format(s.ciHigh()) + "]" : ""));
            }
            table.row(row.toArray());
        }
        return table.build();
    }
}
