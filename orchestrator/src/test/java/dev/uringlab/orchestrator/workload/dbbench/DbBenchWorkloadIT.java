package dev.uringlab.orchestrator.workload.dbbench;

import dev.uringlab.orchestrator.config.HostSpec;
import dev.uringlab.orchestrator.config.LocatedValues;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.config.WorkloadSpec;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static dev.uringlab.orchestrator.workload.command.CommandSpecTest.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real db_bench on a 100k-key database: one fill, reused by later runs with other read options. */
class DbBenchWorkloadIT {

    private static DbBenchWorkload workload;

    @BeforeAll
    static void prerequisites() throws Exception {
        workload = new DbBenchWorkload(Prerequisites.requireTool("db_bench").toString());
        workload.preflight();
        Prerequisites.requireTool("taskset");
    }

    static RunSpec run(Map<String, Object> options, Path scratch) {
        return new RunSpec("db-it", "run-1", 0, 1, Map.of(), new WorkloadSpec(new DbBenchKind(), LocatedValues.unlocated(options)),
                DbBenchSpec.from(options), "0", new TreeSet<>(List.of(0)), HostSpec.none(), new TargetSpec(TargetSpec.Kind.SCRATCH, scratch.toString(), 1 << 20, false));
    }

    @Test
    void fillOnceThenMultireadrandomTwice(@TempDir Path dir) throws Exception {
        assertTrue(workload.version().startsWith("db_bench version 7."), workload.version());
        Path scratch = dir.resolve("scratch.dat");
        Map<String, Object> first = options("num", 100000L, "reads", 20000L, "duration", 0L, "batch_size", 8L,
                "multiread_batched", true, "use_direct_reads", true, "cache_size", "1m");
        Path run1 = Files.createDirectories(dir.resolve("run1"));
        Map<String, Double> m = workload.run(run(first, scratch), scratch.toString(), run1).asMap();
        assertTrue(m.get("ops_per_sec") > 0 && m.get("iops").equals(m.get("ops_per_sec")), m.toString());
        assertEquals(20000.0, m.get("total_ops"));
        assertTrue(m.get("lat_p99_us") >= m.get("lat_p50_us"), m.toString());
        assertTrue(m.get("keys_found") > 10000, "the fill is there: " + m);
        assertTrue(m.get("sst_reads") > 0 && m.get("block_cache_miss") > 0, "--statistics parsed: " + m);
        String cmdline = Files.readString(run1.resolve(DbBenchWorkload.CMDLINE));
        assertTrue(cmdline.startsWith("taskset -c 0 ") && cmdline.contains("--use_existing_db=1")
                && cmdline.contains("--batch_size=8") && cmdline.contains("--use_direct_reads=true"), cmdline);

        Path filled = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("dbbench-")).findFirst().orElseThrow();
        Path marker = filled.resolve(DbBenchWorkload.MARKER);
        FileTime filledAt = Files.getLastModifiedTime(marker);
        Map<String, Object> second = options("num", 100000L, "duration", 1L, "batch_size", 32L, "threads", 2L,
                "multiread_batched", true, "multiread_stride", 16L, "statistics", false);
        Path run2 = Files.createDirectories(dir.resolve("run2"));
        Map<String, Double> m2 = workload.run(run(second, scratch), scratch.toString(), run2).asMap();
        assertTrue(m2.get("ops_per_sec") > 0, m2.toString());
        assertEquals(filledAt, Files.getLastModifiedTime(marker), "other read options reuse the fill");
        assertEquals(Files.readString(run1.resolve(DbBenchWorkload.FILL_NOTE)), Files.readString(run2.resolve(DbBenchWorkload.FILL_NOTE)));
        try (var dirs = Files.list(dir)) {
            assertEquals(1, dirs.filter(p -> p.getFileName().toString().startsWith("dbbench-")).count());
        }
        assertNotEquals(DbBenchSpec.from(first).fillKey(), DbBenchSpec.from(options("num", 50000L)).fillKey());
    }

    @Test
    void anUnfinishedFillIsRedoneAndToolErrorsAreOneLine(@TempDir Path dir) throws Exception {
        Path scratch = dir.resolve("scratch.dat");
        Map<String, Object> o = options("num", 20000L, "reads", 1000L, "duration", 0L);
        Path half = dir.resolve(DbBenchSpec.from(o).fillKey());
        Files.createDirectories(half.resolve("db"));
        Files.writeString(half.resolve("db/garbage"), "left by a killed fill");
        Path db = workload.database(run(o, scratch), scratch.toString());
        assertTrue(Files.exists(half.resolve(DbBenchWorkload.MARKER)) && !Files.exists(half.resolve("db/garbage")));
        assertEquals(half.resolve("db"), db);

        Map<String, Object> bad = options("num", 20000L, "reads", 1000L, "duration", 0L,
                "extra", Map.of("no_such_flag", "1"));
        ToolException e = assertThrows(ToolException.class,
                () -> workload.run(run(bad, scratch), scratch.toString(), Files.createDirectories(dir.resolve("r"))));
        assertTrue(e.getMessage().startsWith("db_bench multireadrandom failed (exit 1): ERROR: unknown command line flag 'no_such_flag'"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
