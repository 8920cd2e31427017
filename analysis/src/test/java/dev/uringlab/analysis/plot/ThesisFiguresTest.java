package dev.uringlab.analysis.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uringlab.analysis.Goldens;
import dev.uringlab.analysis.TestRuns;
import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.io.RunHistograms;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Grouping;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution and thesis-shaped figures, checked on the data they draw: the CDF's points are
 * fio's json+ bins (a real fio 3.33 run kept as each run's fio.json), panels and counts follow the sweep.
 */
class ThesisFiguresTest {

    static FigureContext ctx;
    static TreeMap<Long, Long> goldenBins = new TreeMap<>();

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path results = TestRuns.write(dir);
        String fio = Goldens.read("/fio/fio-3.33-io_uring-qd16-lat-bins.json");
        for (RunRecord r : TestRuns.sweep()) {
            Files.writeString(results.resolve("runs").resolve(r.runId()).resolve("fio.json"), fio);
        }
        JsonNode bins = new ObjectMapper().readTree(fio).path("jobs").get(0).path("read").path("lat_ns").path("bins");
        for (Iterator<Map.Entry<String, JsonNode>> it = bins.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            goldenBins.put(Long.parseLong(e.getKey()), e.getValue().asLong());
        }
        ResultsDirectory loaded = ResultsDirectory.load(results);
        ctx = new FigureContext(Grouping.of(loaded.runs(), List.of()), loaded.runs(), loaded.manifest(),
                new RunHistograms(results.resolve("runs")));
    }

    @Test
    void cdfPointsAreTheHistogramBinsSummedOverRepetitions() {
        Figure f = Figures.build(PlotSpec.of(PlotType.CDF, "lat"), ctx).get(0);
        XYDataset d = f.chart().getXYPlot().getDataset();
        assertEquals(4, d.getSeriesCount(), "one step line per configuration");
        String first = f.data().rows().get(0).get(0);
        List<List<String>> rows = f.data().rows().stream().filter(r -> r.get(0).equals(first)).toList();
        assertEquals(goldenBins.size(), rows.size(), "the data table: one row per bin");
        long total = goldenBins.values().stream().mapToLong(Long::longValue).sum();
        long running = 0;
        int i = 0;
        Map<Double, Double> table = new java.util.HashMap<>();
        for (Map.Entry<Long, Long> bin : goldenBins.entrySet()) {
            running += bin.getValue();
            // The table's cells have six significant digits.
            assertEquals(bin.getKey() / 1000.0, Double.parseDouble(rows.get(i).get(1)), bin.getKey() / 1000.0 * 1e-5, "x = the bin's latency in µs");
            assertEquals((double) running / total, Double.parseDouble(rows.get(i).get(2)), 1e-5, "y = fraction of I/Os up to this bin");
            table.put(bin.getKey() / 1000.0, (double) running / total);
            i++;
        }
        // The line drawn: some of those bins (the ones a figure can show), the first and the last always.
        assertTrue(d.getItemCount(0) < goldenBins.size(), d.getItemCount(0) + " of " + goldenBins.size() + " bins drawn");
        assertEquals(goldenBins.firstKey() / 1000.0, d.getXValue(0, 0), 1e-9);
        for (int k = 0; k < d.getItemCount(0); k++) {
            assertEquals(table.get(d.getXValue(0, k)), d.getYValue(0, k), 1e-12, "a drawn point is a bin's");
        }
        assertEquals(1.0, d.getYValue(0, d.getItemCount(0) - 1), 1e-12);
        assertTrue(f.caption().contains("fio json+ lat_ns.bins") && f.caption().contains(String.format("%,d I/Os in the figure", 12 * total)),
                "caption names the source and the I/O count (4 configurations x 3 runs): " + f.caption());
        assertTrue(f.data().rows().get(0).get(3).equals(String.valueOf(3 * goldenBins.firstEntry().getValue())),
                "the table's count is the bin summed over the three repetitions");
    }

    @Test
    void tailIsOneMinusCdfOnALogAxisWithoutTheZeroAtTheEnd() {
        Figure f = Figures.build(PlotSpec.of(PlotType.CDF, "lat").withLog(true), ctx).get(0);
        XYPlot plot = f.chart().getXYPlot();
        XYDataset d = plot.getDataset();
        String first = f.data().rows().get(0).get(0);
        assertEquals(goldenBins.size() - 1, f.data().rows().stream().filter(r -> r.get(0).equals(first)).count());
        long total = goldenBins.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(1 - (double) goldenBins.firstEntry().getValue() / total, d.getYValue(0, 0), 1e-12);
        for (int i = 0; i < d.getItemCount(0); i++) {
            assertTrue(d.getYValue(0, i) > 0);
        }
        assertEquals(goldenBins.lowerKey(goldenBins.lastKey()) / 1000.0, d.getXValue(0, d.getItemCount(0) - 1), 1e-9,
                "the slowest bin with I/Os above it is drawn");
        ReadableLogAxis y = assertInstanceOf(ReadableLogAxis.class, plot.getRangeAxis());
        plot.getRangeAxis().setRange(1e-4, 1);
        assertEquals(List.of("10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "1"),
                y.ticks(RectangleEdge.LEFT).stream().map(NumberTick::getText).toList());
        assertTrue(f.caption().contains("0.01 = p99"), f.caption());
    }

    @Test
    void panelsShareXAndHaveOnePanelPerMeasureWithTheSameSeries() {
        PlotSpec spec = new PlotSpec("row", PlotType.PANELS, List.of("iops", "lat_mean_us", "lat_p99_us"), null, null, null,
                false, false, null);
        Figure f = Figures.build(spec, ctx).get(0);
        PanelsPlot plot = assertInstanceOf(PanelsPlot.class, f.chart().getPlot());
        assertEquals(List.of("IOPS", "mean latency", "p99 latency"), plot.titles);
        for (XYPlot panel : plot.panels) {
            YIntervalSeriesCollection data = (YIntervalSeriesCollection) panel.getDataset();
            assertEquals(List.of("cpus=irq", "cpus=non-irq"), List.of(data.getSeriesKey(0), data.getSeriesKey(1)));
            assertEquals(List.of(1.0, 16.0), List.of(data.getXValue(0, 0), data.getXValue(0, 1)));
        }
        YIntervalSeriesCollection iops = (YIntervalSeriesCollection) plot.panels.get(0).getDataset();
        assertEquals(60200.0, iops.getYValue(0, 1), 1e-9);
        assertEquals("µs", plot.panels.get(1).getRangeAxis().getLabel(), "the unit once, on the axis; the name in the panel title");
        assertEquals(f.title(), "IOPS | mean latency | p99 latency vs queue depth");
    }

    @Test
    void countsHaveOneLinePerProbeKeyAndSeries() {
        Figure f = Figures.build(new PlotSpec("c", PlotType.COUNTS, List.of("ipi_by_callsite", "irq_per_cpu"), null, null, null,
                false, false, null), ctx).get(0);
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) f.chart().getXYPlot().getDataset();
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            keys.add(String.valueOf(data.getSeriesKey(s)));
        }
        assertEquals(List.of("IPIs [ttwu_queue_wakelist] per I/O · cpus=irq", "IPIs [ttwu_queue_wakelist] per I/O · cpus=non-irq",
                "device interrupts [1] per I/O · cpus=irq", "device interrupts [1] per I/O · cpus=non-irq"), keys);
        assertEquals(0.06, data.getYValue(1, 0), 1e-3);
        assertEquals(1.0, data.getYValue(2, 0), 1e-3, "QD 1: one interrupt per I/O");
    }

    @Test
    void errorBarsOnlyWhereThereAreRepetitions() {
        List<RunRecord> single = ctx.runs().stream().filter(r -> r.repetition() == 1).toList();
        FigureContext one = new FigureContext(Grouping.of(single, List.of()), single, ctx.manifest());
        Figure f = Figures.build(PlotSpec.of(PlotType.LINE, "iops"), one).get(0);
        YIntervalSeriesCollection d = (YIntervalSeriesCollection) f.chart().getXYPlot().getDataset();
        assertEquals(d.getStartYValue(0, 0), d.getEndYValue(0, 0), "no interval from one run");
        assertTrue(f.caption().contains("no error bars"), f.caption());
        Figure bars = Figures.build(PlotSpec.of(PlotType.BARS, "iops"), one).get(0);
        assertEquals(null, ((org.jfree.data.statistics.DefaultStatisticalCategoryDataset) bars.chart().getCategoryPlot().getDataset())
                .getStdDevValue(0, 0), "no whisker, not a zero-width one");
        assertFalse(Figures.build(PlotSpec.of(PlotType.LINE, "iops"), ctx).get(0).caption().contains("no error bars"));
    }
}
