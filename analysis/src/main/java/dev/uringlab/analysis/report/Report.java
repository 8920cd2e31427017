package dev.uringlab.analysis.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportGenerator#render} wrote.
 *
 * @param problems declared plots that could not be drawn (unknown axis, no data), one line each;
 *                 the other figures and the report are still written
 * @param removed  stale figure files of an earlier render that this one did not write again, deleted
 * @param phases   where the time went
 */
public record Report(Path html, List<Path> files, int figures, int runs, List<String> problems, List<String> removed,
                     List<Phases.Phase> phases) {
}
