package dev.uringlab.analysis.report;

import dev.uringlab.analysis.io.Manifest;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.plot.Figure;
import dev.uringlab.analysis.stats.DataTable;

import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, computed once and written as HTML, Markdown or LaTeX.
 *
 * @param svgs figure name → its SVG text, inlined so report.html opens from disk with no other file
 */
public record ReportContent(Manifest manifest, List<RunRecord> runs, List<String> axes, List<Finding> findings,
                            List<Figure> figures, Map<String, String> svgs, DataTable summary, List<String> problems) {

    public long failedRuns() {
        return runs.stream().filter(r -> !r.ok()).count();
    }
}
