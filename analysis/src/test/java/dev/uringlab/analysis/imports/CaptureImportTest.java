package dev.uringlab.analysis.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.parse.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real terminal capture of six fio runs under bpftrace (two also under perf stat) becomes six runs. */
class CaptureImportTest {

    private static final String CAPTURE = "capture-fio3.33-bpftrace0.17-perf6.1.log";

    private static List<RunRecord> importCapture(Path dir, RunParams params) throws Exception {
        Path file = Files.createDirectories(dir).resolve("session.log");
        Files.writeString(file, ImportersTest.resource(CAPTURE));
        return RunImporter.importAll(List.of(file), dir.resolve("results"), "thesis", params, Map.of());
    }

    @Test
    void eachFioInvocationIsOneRunWithItsOwnMapsAndCounters(@TempDir Path dir) throws Exception {
        List<RunRecord> runs = importCapture(dir, RunParams.none());
        assertEquals(6, runs.size(), "six fio runs in the capture, not one merged run");
        assertEquals(List.of(1L, 1L, 4L, 4L, 16L, 16L), runs.stream().map(r -> r.params().get("iodepth")).toList());
        assertEquals(List.of(0L, 1L, 0L, 1L, 0L, 1L), runs.stream().map(r -> r.params().get("cpus")).toList(),
                "the CPUs come from each run's taskset -c");
        assertTrue(runs.stream().allMatch(r -> r.params().get("numjobs").equals(1L)), "one job each, never summed");
        assertTrue(runs.stream().allMatch(r -> r.repetition() == 1), "six distinct configurations");
        // issued rwts of each run, as fio printed them
        assertEquals(List.of(24256.0, 21800.0), List.of(runs.get(2).metrics().get("total_ios"), runs.get(3).metrics().get("total_ios")));
        // each run keeps its own bpftrace maps: the unnamed one is named after the probe that writes it
        assertEquals(7698L, runs.get(2).probeCounts().get("ipi_send_cpu").get("wakeup_preempt"));
        assertEquals(58579L, runs.get(2).probeTotal("submits"));
        assertEquals(9176L, runs.get(2).probeCounts().get("irqs").get("1"));
        assertEquals(77425L, runs.get(5).probeTotal("submits"));
        // perf stat blocks become metrics, only in the runs that had one
        assertEquals(35093.0, runs.get(4).metrics().get("perf_cs"));
        assertEquals(88.0, runs.get(4).metrics().get("perf_cpu_migrations"));
        assertEquals(6097.77, runs.get(4).metrics().get("perf_task_clock_ms"));
        assertEquals(3.048868242, runs.get(4).metrics().get("perf_elapsed_s"));
        assertEquals(23636.0, runs.get(5).metrics().get("perf_cs"));
        assertTrue(runs.get(0).metrics().keySet().stream().noneMatch(k -> k.startsWith("perf_")), runs.get(0).metrics().toString());
        String csv = Files.readString(dir.resolve("results/thesis/runs.csv"));
        assertEquals(7, csv.lines().count(), csv);
        assertTrue(csv.lines().findFirst().orElseThrow().contains("perf_cs"), csv);
        String excerpt = Files.readString(dir.resolve("results/thesis/runs").resolve(runs.get(2).runId()).resolve("imported.txt"));
        assertTrue(excerpt.contains("--iodepth=4") && !excerpt.contains("--iodepth=16") && !excerpt.contains("--iodepth=1 "), excerpt);
        assertTrue(runs.get(2).target().contains("run 3 of 6 (lines "), runs.get(2).target());
    }

    @Test
    void aParameterMapByRunPositionAddsWhatTheCaptureCannotTell(@TempDir Path dir) throws Exception {
        RunParams params = new RunParams("map.yaml", Map.of("", Map.of(1, Map.of("coop_taskrun", "off")),
                "session.log", Map.of(6, Map.of("coop_taskrun", "on", "cpus", "irq"))));
        List<RunRecord> runs = importCapture(dir, params);
        assertEquals("off", runs.get(0).params().get("coop_taskrun"));
        assertEquals("on", runs.get(5).params().get("coop_taskrun"));
        assertEquals("irq", runs.get(5).params().get("cpus"), "the map wins over taskset");
        ParseException past = assertThrows(ParseException.class, () -> importCapture(dir.resolve("x"),
                new RunParams("map.yaml", Map.of("", Map.of(7, Map.of("k", "v"))))));
        assertTrue(past.getMessage().contains("run 7 is not in ") && past.getMessage().contains("which holds 6 fio run(s)"),
                past.getMessage());
    }

    @Test
    void perfStatWithThousandsSeparatorsAndUnreadCounters() throws Exception {
        Map<String, Double> m = PerfStatParser.parse("""
                 Performance counter stats for 'system wide':

                        74,372,241      cs
                     <not supported>      cycles
                          5,013.32 msec task-clock                #    2.000 CPUs utilized

                       5.012345678 seconds time elapsed

                       0.100000000 seconds user
                       1.900000000 seconds sys
                """, "p.txt");
        assertEquals(Map.of("perf_cs", 74372241.0, "perf_task_clock_ms", 5013.32, "perf_elapsed_s", 5.012345678,
                "perf_user_s", 0.1, "perf_sys_s", 1.9), m);
    }

    @Test
    void fioPadsNarrowValuesAfterTheEqualsSign() throws Exception {
        String padded = ImportersTest.resource("fio-3.33-single-iouring.txt")
                .replaceFirst("stdev=[\\d.]+", "stdev= 1.94").replaceFirst("avg=([\\d.]+)", "avg= $1");
        assertTrue(padded.contains("stdev= 1.94"));
        assertEquals(FioTextParser.parse(ImportersTest.resource("fio-3.33-single-iouring.txt"), "a").metrics().get("iops"),
                FioTextParser.parse(padded, "b").metrics().get("iops"));
    }

    @Test
    void anUnnamedMapWithoutACommandLineIsNamedUnnamedMap() {
        var maps = new dev.uringlab.analysis.parse.BpftraceMaps(Map.of("@", Map.of("kick", 12L)));
        assertEquals(Map.of("@unnamed_map", Map.of("kick", 12L)), RunImporter.named(maps, "").maps());
        assertEquals(Map.of("@kick_process", Map.of("kick", 12L)),
                RunImporter.named(maps, "bpftrace -e 'kprobe:kick_process { @[comm] = count(); }' -c fio").maps());
    }
}
