package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.stats.DataTable;
import org.jfree.chart.JFreeChart;

/**
 * One rendered-to-be figure: the chart, the numbers it was drawn from (printed under it in
 * the report, and what tests check instead of pixels), and a caption.
 */
public record Figure(String name, String title, JFreeChart chart, DataTable data, String caption) {
}
