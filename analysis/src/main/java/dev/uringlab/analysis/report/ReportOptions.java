package dev.uringlab.analysis.report;

/**
 * @param markdown also write report.md
 * @param latex    also write tables.tex
 */
public record ReportOptions(boolean markdown, boolean latex) {

    /** What a finished sweep writes: HTML and Markdown; LaTeX only on request. */
    public static final ReportOptions DEFAULT = new ReportOptions(true, false);
}
