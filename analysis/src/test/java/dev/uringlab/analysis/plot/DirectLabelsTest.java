package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.TestRuns;
import dev.uringlab.analysis.io.Manifest;
import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Grouping;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Series names at the line ends: present, named like the series, never overlapping; the legend where they do not fit. */
class DirectLabelsTest {

    static Manifest manifest;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        manifest = ResultsDirectory.load(TestRuns.write(dir)).manifest();
    }

    private static FigureContext ctx(List<RunRecord> runs) {
        return new FigureContext(Grouping.of(runs, List.of()), runs, manifest);
    }

    /** One run per (iodepth, value of {@code axis}); {@code iops} gives each its IOPS. */
    private static List<RunRecord> runs(String axis, List<String> values, java.util.function.BiFunction<Long, Integer, Double> iops) {
        List<RunRecord> runs = new ArrayList<>();
        int index = 0;
        for (long qd : new long[] {1, 4, 16, 64}) {
            for (int v = 0; v < values.size(); v++) {
                index++;
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("iodepth", qd);
                params.put(axis, values.get(v));
                Map<String, Double> metrics = Map.of("iops", iops.apply(qd, v), "total_ios", 1000.0);
                runs.add(new RunRecord("t", "r" + index, index, 1, RunRecord.OK, null, params, "", "0", "scratch",
                        Map.of(), metrics, Map.of(), "2026-11-28T12:00:00Z", 1, 1));
            }
        }
        return runs;
    }

    private static DirectLabels labelsOf(XYPlot plot) {
        for (Object a : plot.getAnnotations()) {
            if (a instanceof DirectLabels d) {
                return d;
            }
        }
        return null;
    }

    private static List<String> seriesNames(XYDataset data) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            names.add(String.valueOf(data.getSeriesKey(s)));
        }
        return names;
    }

    private static void assertNoOverlap(List<DirectLabels.Placed> placed) {
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                Rectangle2D a = placed.get(i).box();
                Rectangle2D b = placed.get(j).box();
                Rectangle2D both = a.createIntersection(b);
                assertFalse(both.getWidth() > 0.01 && both.getHeight() > 0.01,
                        placed.get(i).text() + " overlaps " + placed.get(j).text() + ": " + a + " / " + b);
            }
        }
    }

    /** Draws the chart as the PNG writer does and returns where the labels went. */
    private static List<DirectLabels.Placed> drawn(JFreeChart chart, DirectLabels labels) throws IOException {
        FigureWriter.png(chart);
        return labels.drawn();
    }

    @Test
    void lineEndsCarryTheSeriesNamesInsteadOfALegend() throws IOException {
        Figure f = Figures.build(PlotSpec.of(PlotType.LINE, "iops"), ctx(TestRuns.sweep())).get(0);
        XYPlot plot = f.chart().getXYPlot();
        DirectLabels labels = labelsOf(plot);
        assertNotNull(labels, "two short series names fit");
        assertEquals(seriesNames(plot.getDataset()), labels.labels().stream().map(DirectLabels.Label::text).toList());
        assertEquals(List.of("cpus=irq", "cpus=non-irq"), labels.labels().stream().map(DirectLabels.Label::text).toList());
        assertEquals(16.0, labels.labels().get(0).x(), "at the last point of the line");
        assertEquals(60200.0, labels.labels().get(0).y(), 1e-9, "at the line's last mean");
        assertNull(f.chart().getLegend(), "the labels replace the legend");
        List<DirectLabels.Placed> placed = drawn(f.chart(), labels);
        assertEquals(2, placed.size());
        assertNoOverlap(placed);
        for (DirectLabels.Placed p : placed) {
            assertTrue(p.box().getX() > p.lineX(), "right of its line's end");
        }
    }

    @Test
    void linesEndingTogetherGetLabelsPushedApart() throws IOException {
        // Four lines meeting in one point at QD 64: the labels must not stack on each other.
        List<RunRecord> runs = runs("engine", List.of("io_uring", "libaio", "psync", "posixaio"),
                (qd, v) -> qd == 64 ? 100_000.0 : 10_000.0 * qd * (v + 1) / 4);
        Figure f = Figures.build(PlotSpec.of(PlotType.LINE, "iops"), ctx(runs)).get(0);
        DirectLabels labels = labelsOf(f.chart().getXYPlot());
        assertNotNull(labels, "four names fit when spread over a few lines' height");
        assertEquals(List.of("engine=io_uring", "engine=libaio", "engine=psync", "engine=posixaio"),
                labels.labels().stream().map(DirectLabels.Label::text).toList());
        List<DirectLabels.Placed> placed = drawn(f.chart(), labels);
        assertNoOverlap(placed);
        assertEquals(placed.get(0).lineY(), placed.get(3).lineY(), 1e-9, "the lines do end at one point");
    }

    @Test
    void tooManyLongNamesKeepTheLegend() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            values.add("a-rather-long-configuration-name-" + i);
        }
        List<RunRecord> runs = runs("variant", values, (qd, v) -> 1000.0 * qd + v);
        Figure f = Figures.build(PlotSpec.of(PlotType.LINE, "iops"), ctx(runs)).get(0);
        assertNull(labelsOf(f.chart().getXYPlot()), "ten names of 40 characters at one point do not fit");
        assertNotNull(f.chart().getLegend(), "so the legend stays");
    }

    @Test
    void namesThatWouldLandFarFromTheirLinesKeepTheLegendAndTheAxis() {
        // Eight short names, all lines ending at one value: spread apart, the outer ones would sit
        // four lines away from their line's end.
        List<String> values = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        List<RunRecord> runs = runs("v", values, (qd, v) -> qd == 64 ? 5000.0 : 1000.0 * (v + 1));
        Figure f = Figures.build(PlotSpec.of(PlotType.LINE, "iops"), ctx(runs)).get(0);
        assertNull(labelsOf(f.chart().getXYPlot()));
        assertNotNull(f.chart().getLegend());
        assertTrue(f.chart().getXYPlot().getDomainAxis().isAutoRange(), "no room made on the right for labels not drawn");
    }

    @Test
    void countsAndSweepLinesAreLabelledToo() throws IOException {
        Figure counts = Figures.build(new PlotSpec("c", PlotType.COUNTS, List.of("ipi_by_callsite"), null, null, null,
                false, false, null), ctx(TestRuns.sweep())).get(0);
        DirectLabels c = labelsOf(counts.chart().getXYPlot());
        assertNotNull(c);
        assertEquals(seriesNames(counts.chart().getXYPlot().getDataset()), c.labels().stream().map(DirectLabels.Label::text).toList());
        assertNoOverlap(drawn(counts.chart(), c));

        List<RunRecord> think = runs("mode", List.of("sqpoll", "two threads"), (qd, v) -> 50_000.0 / qd / (v + 1));
        Figure sweep = Figures.build(PlotSpec.of(PlotType.SWEEP, "iops"), ctx(think)).get(0);
        DirectLabels s = labelsOf(sweep.chart().getXYPlot());
        assertNotNull(s, "labels on a log x axis");
        assertEquals(List.of("mode=sqpoll", "mode=two threads"), s.labels().stream().map(DirectLabels.Label::text).toList());
        assertNoOverlap(drawn(sweep.chart(), s));
    }

    @Test
    void panelsLabelTheirLastPanelWhenTheNamesAreShortAndKeepTheLegendOtherwise() throws IOException {
        PlotSpec spec = new PlotSpec("row", PlotType.PANELS, List.of("iops", "total_ios"), null, null, null,
                false, false, null);
        Figure f = Figures.build(spec, ctx(runs("mode", List.of("a", "b"), (qd, v) -> 1000.0 * qd * (v + 1)))).get(0);
        PanelsPlot panels = assertInstanceOf(PanelsPlot.class, f.chart().getPlot());
        DirectLabels last = labelsOf(panels.panels.get(1));
        assertNotNull(last, "short names fit the last panel");
        assertNull(labelsOf(panels.panels.get(0)), "one set of names per figure");
        assertNull(f.chart().getLegend());
        assertEquals(List.of("mode=a", "mode=b"), last.labels().stream().map(DirectLabels.Label::text).toList());
        assertNoOverlap(drawn(f.chart(), last));

        // Three panels a third of the width each: "cpus=non-irq" would take almost half of the last one.
        PlotSpec row = new PlotSpec("row", PlotType.PANELS, List.of("iops", "lat_mean_us", "lat_p99_us"), null, null, null,
                false, false, null);
        Figure wide = Figures.build(row, ctx(TestRuns.sweep())).get(0);
        PanelsPlot three = assertInstanceOf(PanelsPlot.class, wide.chart().getPlot());
        assertNull(labelsOf(three.panels.get(2)));
        assertNotNull(wide.chart().getLegend(), "the legend stays");
    }

    @Test
    void spreadMovesOverlappingLabelsApartAndLeavesOthersAlone() {
        assertArrayEquals(new double[] {90, 100, 110}, DirectLabels.spread(new double[] {100, 100, 100}, 10, 0, 500), 1e-9);
        assertArrayEquals(new double[] {20, 200}, DirectLabels.spread(new double[] {20, 200}, 10, 0, 500), 1e-9);
        assertArrayEquals(new double[] {5, 15, 25}, DirectLabels.spread(new double[] {0, 0, 0}, 10, 0, 500), 1e-9,
                "kept inside the plot");
        double[] c = DirectLabels.spread(new double[] {100, 104, 108, 300, 303}, 10, 0, 500);
        for (int i = 1; i < c.length; i++) {
            assertTrue(c[i] - c[i - 1] >= 10 - 1e-9, "no overlap between " + (i - 1) + " and " + i);
        }
    }

    @Test
    void aDirectLabelIsAnXYAnnotation() {
        assertInstanceOf(XYAnnotation.class, labelsOf(Figures.build(PlotSpec.of(PlotType.LINE, "iops"),
                ctx(TestRuns.sweep())).get(0).chart().getXYPlot()));
    }
}
