package dev.uringlab.orchestrator.workload.command;

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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.uringlab.orchestrator.workload.command.CommandSpecTest.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command workload running real programs: pinned, preloaded, parsed, timed, failing clearly. */
class CommandWorkloadIT {

    private static final AtomicInteger DROPS = new AtomicInteger();
    private static final CommandWorkload WORKLOAD = new CommandWorkload(DROPS::incrementAndGet);

    @BeforeAll
    static void prerequisites() throws Exception {
        Prerequisites.requireTool("taskset");
        Prerequisites.requireTool("env");
        WORKLOAD.preflight();
    }

    static RunSpec run(Map<String, Object> options, String target) {
        return new RunSpec("cmd-it", "run-1", 0, 1, Map.of(), new WorkloadSpec(new CommandKind(), LocatedValues.unlocated(options)),
                CommandSpec.from(options), "0", new TreeSet<>(List.of(0)), HostSpec.none(), new TargetSpec(TargetSpec.Kind.FILE, target, 0, false));
    }

    @Test
    void regexRuleWithLdPreloadAndTemplating(@TempDir Path dir) throws Exception {
        Path gcc = Prerequisites.requireTool("gcc");
        Path src = dir.resolve("marker.c");
        Files.writeString(src, """
                #include <stdio.h>
                #include <stdlib.h>
                __attribute__((constructor)) static void marker(void) {
                    printf("URINGLAB-PRELOADED depth=%s\\n", getenv("DEPTH") ? getenv("DEPTH") : "?");
                    fflush(stdout);
                }
                """);
        Path lib = dir.resolve("libmarker.so");
        Process cc = new ProcessBuilder(gcc.toString(), "-shared", "-fPIC", "-o", lib.toString(), src.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, cc.waitFor(), new String(cc.getInputStream().readAllBytes()));
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Map<String, Object> o = options(
                "program", "sh",
                // No child processes: each would print the preloaded marker too. ${39} is the CPU we run on.
                "args", List.of("-c", "read -r s < /proc/$$/stat; set -- $s; echo \"ops={iodepth} cpu=${39} lat=1.5\""),
                "env", Map.of("LD_PRELOAD", lib.toString(), "DEPTH", "{iodepth}"),
                "iodepth", 16L,
                "parse", Map.of("regex", "ops=(?<ops>\\d+) cpu=(?<cpu>\\d+) lat=(?<lat_us>[0-9.]+)",
                        "units", Map.of("lat_us", "ms")));
        Map<String, Double> m = WORKLOAD.run(run(o, "/dev/null"), "/dev/null", runDir).asMap();
        assertEquals(16.0, m.get("ops"), "{iodepth} templated into args");
        assertEquals(0.0, m.get("cpu"), "pinned to the run's CPU 0 by taskset");
        assertEquals(1500.0, m.get("lat_us"), "ms converted into the metric's µs");
        assertTrue(m.get("wall_mean_us") > 0);
        String stdout = Files.readString(runDir.resolve(CommandWorkload.STDOUT));
        assertTrue(stdout.contains("URINGLAB-PRELOADED depth=16"), "the preloaded constructor ran in the program: " + stdout);
        assertEquals(1, stdout.split("URINGLAB-PRELOADED", -1).length - 1, "and only there, not in taskset: " + stdout);
        String cmdline = Files.readString(runDir.resolve(CommandWorkload.CMDLINE));
        assertTrue(cmdline.startsWith("taskset -c 0 env ") && cmdline.contains(" LD_PRELOAD=" + lib + " "), cmdline);
    }

    @Test
    void timingModeWithFiveInvocationsOfCatAndCacheDrops(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data");
        Files.write(file, new byte[1 << 20]);
        Path runDir = Files.createDirectories(dir.resolve("run"));
        int before = DROPS.get();
        Map<String, Object> o = options("program", "cat", "args", List.of("{target}"), "invocations", 5L,
                "before_each", "drop_caches");
        Map<String, Double> m = WORKLOAD.run(run(o, file.toString()), file.toString(), runDir).asMap();
        assertEquals(5, DROPS.get() - before, "caches dropped before every invocation");
        assertEquals(5.0, m.get("invocations_done"));
        for (String stat : List.of("wall_mean_us", "wall_p50_us", "wall_p95_us", "wall_p99_us", "wall_min_us", "wall_max_us")) {
            assertTrue(m.get(stat) > 0, stat + " in " + m);
        }
        assertTrue(m.get("wall_min_us") <= m.get("wall_p50_us") && m.get("wall_p50_us") <= m.get("wall_max_us"));
        List<String> rows = Files.readAllLines(runDir.resolve(CommandWorkload.INVOCATIONS));
        assertEquals("invocation,wall_us", rows.get(0));
        assertEquals(6, rows.size());
        String kept = Files.readString(runDir.resolve(CommandWorkload.STDOUT));
        assertTrue(kept.contains("==> invocation 5 of 5 (exit 0, "), "outputs appended with separators");
        assertTrue(Files.size(runDir.resolve(CommandWorkload.STDOUT)) > 5L << 20, "all five copies kept");
        try (var files = Files.list(runDir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().matches("command\\.\\d+\\..*")), "no per-invocation leftovers");
        }
    }

    @Test
    void ringbenchDirNamesTheProjectsBuildForCatAndThePassthroughShim(@TempDir Path dir) throws Exception {
        Path ringbench = dev.uringlab.orchestrator.workload.ringbench.RingbenchWorkload.locate();
        Prerequisites.require(Files.isExecutable(ringbench) && Files.exists(ringbench.resolveSibling("passthrough.so")),
                "ringbench and passthrough.so not built: make -C workloads/ringbench");
        Path file = dir.resolve("data");
        Files.write(file, new byte[300_001]);
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Map<String, Object> o = options("program", "./ringbench", "workdir", "{ringbench_dir}",
                "args", List.of("--mode", "cat", "--cat-api", "read", "--file", "{target}", "--bs", "64k"),
                "env", Map.of("LD_PRELOAD", "./passthrough.so", "PASSTHROUGH_REPORT", "1"), "invocations", 2L,
                "parse", Map.of("json", Map.of("bytes", "bytes", "read_us", "read_us")));
        Map<String, Double> m = WORKLOAD.run(run(o, file.toString()), file.toString(), runDir).asMap();
        assertEquals(300_001.0, m.get("bytes"));
        assertTrue(m.get("read_us") > 0, m.toString());
        assertTrue(Files.readString(runDir.resolve(CommandWorkload.STDERR)).contains("passthrough: open 1 read 6"),
                "the shim was preloaded and forwarded every read (5 chunks and the end of file)");
    }

    @Test
    void ruleReadsStderrWithManyInvocations(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data");
        Files.write(file, new byte[64 << 10]);
        Map<String, Object> o = options("program", "dd", "args", List.of("if={target}", "of=/dev/null", "bs={bs:bytes}", "count=1"),
                "bs", "64k", "invocations", 3L,
                "parse", Map.of("regex", "copied, (?<read_us>[0-9.e+-]+) s", "units", Map.of("read_us", "s"), "stream", "stderr"));
        Map<String, Double> m = WORKLOAD.run(run(o, file.toString()), file.toString(), Files.createDirectories(dir.resolve("r"))).asMap();
        assertTrue(m.get("read_us") > 0 && m.get("read_us") < m.get("wall_mean_us"), "dd's own time excludes process start: " + m);
        assertTrue(m.containsKey("read_p99_us") && m.containsKey("read_max_us"));
    }

    @Test
    void ruleThatMatchesNothingNamesRuleAndFile(@TempDir Path dir) throws Exception {
        Map<String, Object> o = options("program", "echo", "args", List.of("hello"),
                "parse", Map.of("regex", "IOPS=(?<iops>[0-9.]+)"));
        ToolException e = assertThrows(ToolException.class, () -> WORKLOAD.run(run(o, "/dev/null"), "/dev/null", dir));
        assertEquals("command: metric 'iops' regex 'IOPS=(?<iops>[0-9.]+)' matched nothing in stdout (see "
                + dir.resolve("command.stdout") + ")", e.getMessage());
    }

    @Test
    void missingBinaryAndFailingProgramAreOneLine(@TempDir Path dir) throws Exception {
        ToolException missing = assertThrows(ToolException.class,
                () -> WORKLOAD.run(run(options("program", "/x/y"), "/dev/null"), "/dev/null", dir));
        assertEquals("command: /x/y not found", missing.getMessage());
        ToolException notOnPath = assertThrows(ToolException.class,
                () -> WORKLOAD.run(run(options("program", "no-such-tool-uringlab"), "/dev/null"), "/dev/null", dir));
        assertEquals("command: no-such-tool-uringlab not found on PATH", notOnPath.getMessage());
        ToolException failed = assertThrows(ToolException.class, () -> WORKLOAD.run(run(options("program", "sh",
                "args", List.of("-c", "echo starting; echo 'disk on fire' >&2; exit 3"), "invocations", 2L), "/dev/null"),
                "/dev/null", dir));
        assertEquals("command: sh failed (exit 3) (invocation 1 of 2): disk on fire", failed.getMessage());
    }

    @Test
    void realCacheDropsAsRoot(@TempDir Path dir) throws Exception {
        Prerequisites.requireRoot();
        Path file = dir.resolve("data");
        Files.write(file, new byte[4096]);
        Map<String, Object> o = options("program", "cat", "args", List.of("{target}"), "invocations", 2L,
                "before_each", "drop_caches");
        Map<String, Double> m = new CommandWorkload().run(run(o, file.toString()), file.toString(), dir).asMap();
        assertEquals(2.0, m.get("invocations_done"));
    }
}
