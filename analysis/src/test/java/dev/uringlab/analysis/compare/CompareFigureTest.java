package dev.uringlab.analysis.compare;

import dev.uringlab.analysis.Goldens;
import dev.uringlab.analysis.imports.RunImporter;
import dev.uringlab.analysis.imports.RunParams;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.plot.CompareFigure;
import dev.uringlab.analysis.plot.Figure;
import dev.uringlab.analysis.plot.FigureWriter;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `compare IMPORTED NEW`: a real ten-run terminal capture recorded here (imported with its
 * parameters by run position) against a sweep-shaped result set, matched on the parameters they share.
 */
class CompareFigureTest {

    static final String CAPTURE = "/compare/capture-fio3.33-bpftrace0.17-perf6.1-10runs.log";
    static List<RunRecord> imported;
    static List<RunRecord> sweep;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path file = dir.resolve("session.log");
        Files.writeString(file, Goldens.read(CAPTURE));
        Map<Integer, Map<String, Object>> byRun = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            byRun.put(i, Map.of("cpus", i % 2 == 1 ? "irq" : "non-irq", "direct", i <= 8));
        }
        imported = RunImporter.importAll(List.of(file), dir.resolve("results"), "thesis-capture",
                new RunParams("params.yaml", Map.of("", byRun)), Map.of());
        sweep = sweep();
    }

    /** What `uringlab run` records for compare-sweep.yaml: more parameters than fio's header, two repetitions, no QD 1 on non-irq. */
    static List<RunRecord> sweep() {
        List<RunRecord> runs = new ArrayList<>();
        int index = 0;
        for (int qd : new int[] {1, 4, 16, 64, 128}) {
            for (String cpus : new String[] {"irq", "non-irq"}) {
                if (qd == 1 && cpus.equals("non-irq")) {
                    continue;
                }
                for (int rep = 1; rep <= 2; rep++) {
                    index++;
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("engine", "io_uring");
                    params.put("rw", "randread");
                    params.put("bs", "4k");
                    params.put("iodepth", qd);
                    params.put("numjobs", 1);
                    params.put("runtime", 2);
                    params.put("direct", true);
                    params.put("cpus", cpus);
                    Map<String, Double> metrics = Map.of("iops", 1000.0 * qd + rep, "total_ios", 2000.0 * qd, "lat_mean_us", 50.0);
                    runs.add(new RunRecord("this-host", "r" + index, index, rep, RunRecord.OK, null, params, cpus,
                            cpus.equals("irq") ? "1" : "0", "scratch", Map.of("irq_per_cpu", "tracepoint"), metrics,
                            Map.of("irq_per_cpu", Map.of("1", 1000L * qd)), "2026-11-28T18:00:00Z", 2, 2));
                }
            }
        }
        return runs;
    }

    @Test
    void theCaptureImportsAsTenRunsWithPaddedValuesAndPerfCounters() {
        assertEquals(10, imported.size());
        assertEquals(List.of(1L, 1L, 4L, 4L, 16L, 16L, 64L, 64L, 1L, 1L), imported.stream().map(r -> r.params().get("iodepth")).toList());
        assertTrue(imported.get(4).metrics().containsKey("perf_cs"), "the perf stat -a block is imported");
        // Run 9: "lat (usec): min=2, max=165968, avg= 9.32, stdev=377.92" and "clat (usec): ... avg= 9.28".
        assertEquals(9.32, imported.get(8).metrics().get("lat_mean_us"), 1e-9, "fio's padded 'avg= 9.32' is read");
        assertEquals(9.28, imported.get(8).metrics().get("clat_mean_us"), 1e-9);
        assertEquals("64k", imported.get(8).params().get("bs"), "fio's '64.0KiB' block size: a run of its own, not merged");
    }

    @Test
    void runsAreMatchedOnTheSharedParametersThatVary() {
        SourceMatch m = SourceMatch.of("thesis capture", imported, "this host", sweep);
        assertEquals(List.of("engine", "bs", "iodepth", "direct", "cpus"), m.matchKeys(),
                "varying in either set; runtime is the sweep's only; rw and numjobs are equal constants");
        assertEquals(7, m.matched().size(), "QD 1-64 on both CPUs, except QD 1 non-irq, which the sweep lacks");
        assertEquals(java.util.Set.of("engine=psync, bs=64k, iodepth=1, direct=false, cpus=irq",
                "engine=psync, bs=64k, iodepth=1, direct=false, cpus=non-irq",
                "engine=io_uring, bs=4k, iodepth=1, direct=true, cpus=non-irq"), java.util.Set.copyOf(m.onlyA()));
        assertEquals(2, m.onlyB().size(), "QD 128 on each CPU");
        for (SourceMatch.Pair p : m.matched()) {
            assertEquals(1, p.a().size());
            assertEquals(2, p.b().size());
            assertEquals(String.valueOf(p.config().get("iodepth")), String.valueOf(p.a().get(0).params().get("iodepth")));
            assertEquals(p.config().get("cpus"), p.a().get(0).params().get("cpus"));
            assertEquals(p.config().get("cpus"), p.b().get(0).params().get("cpus"));
        }
    }

    @Test
    void oneFigurePerMeasureWithBothSourcesNamedBySource() throws Exception {
        SourceMatch m = SourceMatch.of("thesis capture", imported, "this host", sweep);
        Figure f = CompareFigure.build(m, "iops", "caption");
        XYDataset d = f.chart().getXYPlot().getDataset();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            names.add(String.valueOf(d.getSeriesKey(s)));
        }
        assertEquals(List.of("thesis capture · cpus=irq", "this host · cpus=irq", "thesis capture · cpus=non-irq",
                "this host · cpus=non-irq"), names, "the configuration columns that do not vary among matched runs are left out");
        // The capture's IOPS as fio printed them, at the run's queue depth; the sweep's as the mean of its two runs.
        RunRecord qd16irq = imported.get(4);
        assertEquals(qd16irq.metrics().get("iops"), d.getYValue(0, 2), 1e-9);
        assertEquals(16.0, d.getXValue(0, 2));
        assertEquals(16_001.5, d.getYValue(1, 2), 1e-9);
        assertEquals(3, d.getItemCount(2), "non-irq: QD 4, 16, 64 matched, QD 1 only in the capture");
        assertTrue(f.caption().contains("dashed: thesis capture, solid: this host"), f.caption());
        assertTrue(f.caption().contains("only in this host: "), f.caption());
        List<String> sources = f.data().rows().stream().map(r -> r.get(1)).distinct().toList();
        assertEquals(List.of("thesis capture", "this host"), sources);
        assertEquals(14, f.data().rows().size(), "7 configurations x 2 sources");
        assertTrue(FigureWriter.png(f.chart()).length > 1000);
    }

    @Test
    void sharedMeasuresAreWhatBothHaveAndAnAliasAddsAProbe() {
        SourceMatch m = SourceMatch.of("a", imported, "b", sweep);
        assertEquals(List.of("iops", "lat_mean_us"), CompareFigure.sharedMeasures(m));
        SourceMatch aliased = SourceMatch.of("a", ProbeAliases.rename(imported, Map.of("irqs", "irq_per_cpu")), "b", sweep);
        assertEquals(List.of("iops", "lat_mean_us", "irq_per_cpu_per_io"), CompareFigure.sharedMeasures(aliased));
    }
}
