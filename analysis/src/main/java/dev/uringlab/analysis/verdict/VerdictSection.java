package dev.uringlab.analysis.verdict;

import java.util.List;
import java.util.Optional;

/** Puts the verdict table first in a rendered report: the answer before the evidence. */
public final class VerdictSection {

    private VerdictSection() {
    }

    /** Before the report's first section heading; the report unchanged without expectations. */
    public static String html(String report, Optional<List<VerdictResult>> verdicts) {
        return insertBefore(report, "<h2", verdicts.map(v -> VerdictTable.html(v, metric -> figureOf(report, metric))));
    }

    /** The report's figure of a metric: its line plot, or for a probe column the per-I/O probe figure. */
    static String figureOf(String report, String metric) {
        for (String id : List.of("line-" + metric, "probes-per-io")) {
            boolean probeColumn = metric.endsWith("_per_io") || metric.contains("[");
            if ((id.startsWith("line-") || probeColumn) && report.contains("id=\"" + id + "\"")) {
                return id;
            }
        }
        return null;
    }

    public static String markdown(String report, Optional<List<VerdictResult>> verdicts) {
        return insertBefore(report, "\n## ", verdicts.map(v -> "\n" + VerdictTable.markdown(v).stripTrailing() + "\n"));
    }

    private static String insertBefore(String report, String marker, Optional<String> section) {
        if (section.isEmpty()) {
            return report;
        }
        int at = report.indexOf(marker);
        return at < 0 ? report + section.get() : report.substring(0, at) + section.get() + report.substring(at);
    }
}
