package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code uringlab compare IMPORTED NEW}: one figure per shared measure, written beside the new set; a bad --metric is exit 2. */
class CompareFiguresTest {

    private static final String RES = "../analysis/src/test/resources/compare/";

    /** The recorded capture imported with its parameter map, and a small sweep-shaped set: QD 1 and 4 on both CPUs. */
    private static Path[] sets(Path dir) throws Exception {
        Path capture = Files.copy(Path.of(RES + "capture-fio3.33-bpftrace0.17-perf6.1-10runs.log"), dir.resolve("capture.log"));
        CliErrorsTest.Outcome imported = CliErrorsTest.run("import", capture.toString(), "--experiment", "thesis-capture",
                "--results", dir.toString(), "--params", RES + "compare-params.yaml");
        assertEquals(0, imported.code(), imported.err());
        Path sweep = dir.resolve("this-host");
        int index = 0;
        for (int qd : new int[] {1, 4}) {
            for (String cpus : new String[] {"irq", "non-irq"}) {
                index++;
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("engine", "io_uring");
                params.put("rw", "randread");
                params.put("bs", "4k");
                params.put("iodepth", qd);
                params.put("direct", true);
                params.put("cpus", cpus);
                RunRecord r = new RunRecord("this-host", "run" + index, index, 1, RunRecord.OK, null, params, cpus, "1", "scratch",
                        Map.of(), Map.of("iops", 10_000.0 * qd, "total_ios", 20_000.0 * qd), Map.of(), "2026-11-28T18:00:00Z", 2, 2);
                AtomicFiles.write(sweep.resolve("runs").resolve(r.runId()).resolve("run.json"), RunRecordJson.write(r));
            }
        }
        AtomicFiles.write(sweep.resolve("manifest.json"), "{\"experiment\": \"this-host\", \"host\": {\"hostname\": \"vm\", \"kernel\": \"6.18\"}}");
        return new Path[] {dir.resolve("thesis-capture"), sweep};
    }

    @Test
    void bothSourcesOnOneFigurePerMeasure(@TempDir Path dir) throws Exception {
        Path[] s = sets(dir);
        Path md = dir.resolve("compare.md");
        CliErrorsTest.Outcome out = CliErrorsTest.run("compare", s[0].toString(), s[1].toString(),
                "--label-a", "thesis capture", "--label-b", "this host", "-o", md.toString());
        assertEquals(0, out.code(), out.err());
        String text = Files.readString(md);
        assertTrue(text.contains("## Figures (thesis capture vs this host)"), text);
        // The table matches as the figures do: the capture's QD 4 on the IRQ CPU against the sweep's.
        assertTrue(text.contains("| engine=io_uring, bs=4k, iodepth=4, direct=true, cpus=irq | iops | "), text);
        assertTrue(text.contains("- only in A: engine=psync, bs=64k, iodepth=1, direct=false, cpus=irq"), text);
        assertTrue(text.contains("4 configuration(s) in both, matched on engine, bs, iodepth, direct, cpus"), text);
        Path figures = s[1].resolve("compare-thesis-capture");
        for (String f : new String[] {"compare-iops.png", "compare-iops.svg", "compare-iops.pdf"}) {
            assertTrue(Files.size(figures.resolve(f)) > 1000, f);
        }
        assertTrue(text.contains(figures.resolve("compare-iops.png").toString()), text);
    }

    @Test
    void aMetricOneSetLacksIsAUsageError(@TempDir Path dir) throws Exception {
        Path[] s = sets(dir);
        CliErrorsTest.Outcome out = CliErrorsTest.run("compare", s[0].toString(), s[1].toString(), "--metric", "perf_cs");
        assertEquals(ExitCodes.USAGE, out.code(), out.err());
        assertTrue(out.err().startsWith("uringlab: --metric perf_cs: not a column both "), out.err());
        assertEquals(1, out.err().strip().lines().count(), out.err());
    }
}
