package dev.uringlab.analysis.imports;

import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.parse.BpftraceJsonParser;
import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.analysis.parse.FioJsonParser;
import dev.uringlab.analysis.parse.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The goldens in resources/imports were recorded on the lab machine with fio 3.33
 * ({@code --output-format=normal,json}: one run, both formats, split into .txt and .json) and
 * bpftrace 0.17 (the same deterministic script printed as text and as JSON). So the text
 * readers are checked against the JSON readers on the very same numbers.
 */
class ImportersTest {

    static String resource(String name) throws IOException {
        return dev.uringlab.analysis.Goldens.read("/imports/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fio-3.33-single-iouring", "fio-3.33-two-jobs", "fio-3.33-group-reporting", "fio-3.33-randrw-psync"})
    void fioTextAgreesWithFioJsonOfTheSameRun(String name) throws Exception {
        Metrics text = FioTextParser.parse(resource(name + ".txt"), name + ".txt").metrics();
        Metrics json = FioJsonParser.parse(resource(name + ".json"), name + ".json");
        // Exact: counts, and IOPS recomputed by fio's own formula.
        assertEquals(json.getOr("total_ios", -1), text.getOr("total_ios", -2));
        assertEquals(json.getOr("ctx_switches", -1), text.getOr("ctx_switches", -2));
        assertEquals(json.getOr("runtime_s", -1), text.getOr("runtime_s", -2));
        assertEquals(json.getOr("iops", -1), text.getOr("iops", -2), json.getOr("iops", 0) * 1e-6);
        // Rounded as fio printed them: means to 0.01 of the printed unit, percentiles to 1 µs, bandwidth to 3 digits.
        assertEquals(json.getOr("clat_mean_us", -1), text.getOr("clat_mean_us", -2), 0.01);
        assertEquals(json.getOr("lat_mean_us", -1), text.getOr("lat_mean_us", -2), 0.01);
        for (String p : List.of("clat_p50_us", "clat_p99_us", "clat_p99_9_us")) {
            double j = json.getOr(p, -1);
            assertEquals(j, text.getOr(p, -2), Math.max(1.0, j * 0.002), p);
        }
        assertEquals(json.getOr("bw_mb_s", -1), text.getOr("bw_mb_s", -2), json.getOr("bw_mb_s", 0) * 0.01);
        assertEquals(json.getOr("usr_cpu_pct", -1), text.getOr("usr_cpu_pct", -2), 0.01);
        assertEquals(json.getOr("sys_cpu_pct", -1), text.getOr("sys_cpu_pct", -2), 0.01);
    }

    @Test
    void fioTextHeaderGivesParameters() throws Exception {
        var r = FioTextParser.parse(resource("fio-3.33-two-jobs.txt"), "x");
        assertEquals(Map.of("engine", "libaio", "rw", "randread", "bs", "4k", "iodepth", 4L, "numjobs", 2L), r.params());
        assertEquals("fio-3.33", r.fioVersion());
    }

    @Test
    void msecLatenciesAreScaled() throws Exception {
        String text = """
                slow: (groupid=0, jobs=1): err= 0: pid=1: Mon Nov 23 14:00:42 2026
                  read: IOPS=100, BW=400KiB/s (410kB/s)(800KiB/2000msec)
                    clat (msec): min=2, max=40, avg=10.50, stdev=3.10
                     lat (msec): min=2, max=40, avg=10.52, stdev=3.10
                    clat percentiles (msec):
                     |  1.00th=[    3],  5.00th=[    4], 50.00th=[   10], 95.00th=[   17],
                     | 99.00th=[   30], 99.90th=[   40]
                  cpu          : usr=0.10%, sys=1.00%, ctx=210, majf=0, minf=1
                     issued rwts: total=200,0,0,0 short=0,0,0,0 dropped=0,0,0,0
                """;
        Metrics m = FioTextParser.parse(text, "slow.txt").metrics();
        assertEquals(10500, m.getOr("clat_mean_us", 0), 1e-9);
        assertEquals(30000, m.getOr("clat_p99_us", 0), 1e-9);
        assertEquals(100, m.getOr("iops", 0), 1e-9);
    }

    @Test
    void malformedFioLineNamesFileAndLine() {
        String text = "j: (groupid=0, jobs=1): err= 0: pid=1: x\n  read: IOPS=1k, BW=garbage\n";
        ParseException e = assertThrows(ParseException.class, () -> FioTextParser.parse(text, "old/run7.txt"));
        assertTrue(e.getMessage().startsWith("old/run7.txt:2: unreadable fio direction line"), e.getMessage());
        ParseException none = assertThrows(ParseException.class, () -> FioTextParser.parse("hello\n", "a.txt"));
        assertTrue(none.getMessage().startsWith("a.txt: no fio job results found"), none.getMessage());
    }

    @Test
    void bpftraceTextEqualsBpftraceJsonOfTheSameScript() throws Exception {
        BpftraceMaps text = BpftraceTextParser.parse(resource("bpftrace-0.17-maps.txt"), "maps.txt");
        BpftraceMaps json = BpftraceJsonParser.parse(resource("bpftrace-0.17-maps.ndjson"));
        assertEquals(json.maps(), text.maps());
    }

    @Test
    void malformedBpftraceNamesFileAndLine() {
        ParseException bad = assertThrows(ParseException.class,
                () -> BpftraceTextParser.parse("Attaching 1 probe...\n@x[1]: many\n", "b.txt"));
        assertEquals("b.txt:2: bpftrace map @x[1] has a value that is not a number: 'many'", bad.getMessage());
        ParseException hist = assertThrows(ParseException.class,
                () -> BpftraceTextParser.parse("@h:\n[4K, 8K)   3 |@@@|\n[8K, 16K) x |  |\n", "h.txt"));
        assertTrue(hist.getMessage().startsWith("h.txt:3: expected a bpftrace histogram bucket"), hist.getMessage());
        ParseException open = assertThrows(ParseException.class,
                () -> BpftraceTextParser.parse("@s[\n  f+1\n", "s.txt"));
        assertTrue(open.getMessage().startsWith("s.txt:1: "), open.getMessage());
    }

    @Test
    void combinedLogBecomesARunMatchingItsGolden(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("iodepth=16,cpus=irq.txt");
        Files.writeString(file, resource("combined-qd16.txt"));
        RunRecord run = RunImporter.importAll(List.of(file), dir.resolve("results"), "old", Map.of("kernel", "5.15")).get(0);
        assertEquals(16L, run.params().get("iodepth"));
        assertEquals("irq", run.params().get("cpus"));
        assertEquals(239472L, run.probeTotal("io_uring_enter"));
        assertEquals(3L, run.probeCounts().get("stacks")
                .get("perf_syscall_enter+397;syscall_trace_enter+384;do_syscall_64+506;entry_SYSCALL_64_after_hwframe+118"));
        assertEquals(225553L, run.probeCounts().get("bytes").get("[4096, 8191]"));
        String json = RunRecordJson.write(run).replace(file.getFileName().toString(), "FILE");
        assertEquals(resource("combined-qd16.expected.json"), json);
    }

    @Test
    void importAllWritesAResultsDirectoryWithRepetitions(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.writeString(a, resource("fio-3.33-single-iouring.txt"));
        Files.writeString(b, resource("fio-3.33-single-iouring.txt").replace("IOPS=102k", "IOPS=101k"));
        List<RunRecord> runs = RunImporter.importAll(List.of(a, b), dir.resolve("results"), "old", Map.of());
        assertEquals(List.of(1, 2), runs.stream().map(RunRecord::repetition).toList());
        assertTrue(Files.exists(dir.resolve("results/old/runs.csv")));
        assertTrue(Files.exists(dir.resolve("results/old/runs").resolve(runs.get(1).runId()).resolve("imported.txt")));
    }
}
