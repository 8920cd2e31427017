package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.TestRuns;
import dev.uringlab.analysis.io.ResultsDirectory;
import dev.uringlab.analysis.stats.DataTable;
import dev.uringlab.analysis.stats.Grouping;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each figure type drawn headless from a known sweep; the checks are on the data behind the chart, not pixels. */
class FigureTypesTest {

    static FigureContext ctx;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ResultsDirectory results = ResultsDirectory.load(TestRuns.write(dir));
        ctx = new FigureContext(Grouping.of(results.runs(), List.of()), results.runs(), results.manifest());
    }

    private static Figure render(PlotSpec spec, Path out) throws IOException {
        Figure f = Figures.build(spec, ctx).get(0);
        FigureWriter.write(f, out);
        for (String ext : List.of(".png", ".svg", ".pdf")) {
            assertTrue(Files.size(out.resolve(f.name() + ext)) > 1000, ext);
        }
        assertTrue(f.caption().contains("host box") && f.caption().contains("kernel 6.1.0-test"), f.caption());
        return f;
    }

    @Test
    void lineHasOneSeriesPerCpuSetWithMeanAndInterval(@TempDir Path out) throws IOException {
        Figure f = render(PlotSpec.of(PlotType.LINE, "iops"), out);
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) f.chart().getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("cpus=irq", data.getSeriesKey(0));
        assertEquals(1.0, data.getXValue(0, 0));
        assertEquals(16.0, data.getXValue(0, 1));
        assertEquals(60200.0, data.getYValue(0, 1), 1e-9); // mean of 60100, 60200, 60300
        assertTrue(data.getStartYValue(0, 1) < 60200 && data.getEndYValue(0, 1) > 60200);
        assertTrue(f.chart().getXYPlot().getRangeAxis().getLabel().equals("IOPS"));
    }

    @Test
    void barsOfSeveralProbesPerIoOnLogScale(@TempDir Path out) throws IOException {
        PlotSpec spec = new PlotSpec("probes", PlotType.BARS, List.of("irq_per_cpu", "ipi_by_callsite"), null, null, null, true, true, null);
        Figure f = render(spec, out);
        DefaultStatisticalCategoryDataset data = (DefaultStatisticalCategoryDataset) f.chart().getCategoryPlot().getDataset();
        assertEquals(4, data.getRowCount());
        assertEquals(0.06, data.getMeanValue("iodepth=16, cpus=non-irq", "ipi_by_callsite").doubleValue(), 1e-3);
        assertEquals(1.0, data.getMeanValue("iodepth=1, cpus=irq", "irq_per_cpu").doubleValue(), 1e-3);
    }

    @Test
    void perCpuListsEveryOnlineCpuEvenWithoutEvents(@TempDir Path out) throws IOException {
        Figure f = render(PlotSpec.of(PlotType.PER_CPU, "irq_per_cpu"), out);
        CategoryPlot plot = f.chart().getCategoryPlot();
        assertEquals(List.of("CPU 0", "CPU 1"), plot.getDataset().getRowKeys(), "two CPUs: one bar colour per CPU");
        assertEquals(4, plot.getDataset().getColumnCount(), "a group of bars per configuration");
        assertEquals(0.0, plot.getDataset().getValue("CPU 0", "1, irq").doubleValue());
        assertEquals(20400.0, plot.getDataset().getValue("CPU 1", "1, irq").doubleValue(), 1e-9, "mean of 20200, 20400, 20600");
        assertEquals("Device interrupts by CPU", f.title());
    }

    @Test
    void relativeIsPercentChangeVsBaseline(@TempDir Path out) throws IOException {
        Figure f = render(PlotSpec.of(PlotType.RELATIVE, "iops"), out);
        DefaultStatisticalCategoryDataset data = (DefaultStatisticalCategoryDataset) f.chart().getCategoryPlot().getDataset();
        // non-irq at QD 1: mean 8200 vs irq 10200
        assertEquals((8200.0 / 10200 - 1) * 100, data.getMeanValue("cpus=non-irq", "1").doubleValue(), 1e-9);
        assertEquals(List.of("cpus=non-irq"), data.getRowKeys());
    }

    @Test
    void dualAxisPutsTheSecondMeasureOnTheRightAxis(@TempDir Path out) throws IOException {
        Figure f = render(new PlotSpec(null, PlotType.DUAL_AXIS, List.of("iops", "ipi_by_callsite"), null, null, null, false, true, null), out);
        XYPlot plot = f.chart().getXYPlot();
        assertEquals(2, plot.getRangeAxisCount());
        assertTrue(plot.getRangeAxis(1).getLabel().contains("per I/O"));
        XYDataset right = plot.getDataset(1);
        assertEquals(0.06, right.getYValue(1, 0), 1e-3);
    }

    @Test
    void scatterHasEveryRunAndRingsNothingInACleanSweep(@TempDir Path out) throws IOException {
        Figure f = render(PlotSpec.of(PlotType.SCATTER, "iops"), out);
        DataTable t = f.data();
        assertEquals(12, t.rows().size());
        assertTrue(t.rows().stream().noneMatch(r -> r.get(4).equals("true")));
    }

    @Test
    void scatterOfPerIterationSamplesHasOnePointPerIteration(@TempDir Path out) throws IOException {
        List<dev.uringlab.analysis.model.RunRecord> runs = new java.util.ArrayList<>();
        for (int rep = 1; rep <= 2; rep++) {
            for (boolean coop : List.of(false, true)) {
                List<Double> stall = coop ? List.of(4000.0, 3999.0, 4001.0) : List.of(70.0, 65.0, 900.0);
                runs.add(new dev.uringlab.analysis.model.RunRecord("stall", "coop-" + coop + "_r" + rep, runs.size() + 1,
                        rep, "ok", null, java.util.Map.of("coop_taskrun", coop), "0,1", "0,1", "scratch", java.util.Map.of(),
                        java.util.Map.of("lat_mean_us", coop ? 4000.0 : 345.0), java.util.Map.of(), "t", 1, 1,
                        java.util.Map.of(), List.of(), java.util.Map.of("stall_latency_us", stall)));
            }
        }
        FigureContext stallCtx = new FigureContext(Grouping.of(runs, List.of("coop_taskrun")), runs, ctx.manifest());
        Figure f = Figures.build(PlotSpec.of(PlotType.SCATTER, "stall_latency_us"), stallCtx).get(0);
        DataTable t = f.data();
        assertEquals(List.of("run", "configuration", "iteration", "value"), t.header());
        assertEquals(12, t.rows().size(), "3 iterations x 2 configurations x 2 repetitions");
        assertTrue(t.rows().contains(List.of("coop-false_r2", "coop_taskrun=false", "3", "900")), t.rows().toString());
        assertTrue(f.title().contains("every iteration"), f.title());
    }

    @Test
    void cdfFromFioPercentilesAndFromAHistogram(@TempDir Path out) throws IOException {
        // These test runs kept no fio.json: fio's four percentiles, as markers (dataset 1), and the caption says so.
        Figure lat = render(PlotSpec.of(PlotType.CDF, "lat"), out);
        XYDataset d = lat.chart().getXYPlot().getDataset(1);
        assertEquals(4, d.getItemCount(0));
        assertEquals(0.999, d.getYValue(0, 3), 1e-12);
        assertTrue(lat.caption().contains("not a distribution"), lat.caption());
        Figure hist = render(PlotSpec.of(PlotType.CDF, "bytes"), out);
        XYDataset h = hist.chart().getXYPlot().getDataset();
        assertEquals(8192.0, h.getXValue(0, 0));
        assertEquals(0.9, h.getYValue(0, 0), 1e-12);
        assertEquals(1.0, h.getYValue(0, 1), 1e-12);
    }

    @Test
    void facetSplitsAndUnknownAxisIsAClearError(@TempDir Path out) {
        List<Figure> figures = Figures.build(PlotSpec.of(PlotType.LINE, "iops").withAxes("iodepth", null, "cpus"), ctx);
        assertEquals(2, figures.size());
        assertTrue(figures.get(1).title().endsWith("(cpus=non-irq)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figures.build(PlotSpec.of(PlotType.LINE, "iops").withAxes("qd", null, null), ctx));
        assertTrue(e.getMessage().contains("x 'qd' is not a swept axis (swept: iodepth, cpus)"), e.getMessage());
    }
}
