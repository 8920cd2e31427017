package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C (SIGINT to the uringlab process) in the middle of the second run: the first run stays,
 * no fio or bpftrace is left running, no half-written run.json exists, and the next invocation
 * resumes with the unfinished run only.
 */
class InterruptIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
    }

    @Test
    void ctrlCLeavesNoChildrenAndNoHalfRunAndResumes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("it.yaml");
        Files.writeString(file, SweepIT.experiment(dir, 8, "iodepth: [8, 16]"));
        Path results = dir.resolve("results");
        Path runs = results.resolve("it-sweep").resolve("runs");

        Process uringlab = start(file, results, dir.resolve("first.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(completeRuns(runs) == 1 && childrenOf(dir).stream().anyMatch(c -> c.contains("fio")))) {
            assertTrue(uringlab.isAlive(), "uringlab ended early: " + Files.readString(dir.resolve("first.log")));
            assertTrue(System.nanoTime() < deadline, "second run never started");
            Thread.sleep(100);
        }
        Thread.sleep(1500); // well inside the second run's 8 s workload
        new ProcessBuilder("kill", "-INT", Long.toString(uringlab.pid())).start().waitFor();
        assertTrue(uringlab.waitFor(60, TimeUnit.SECONDS), "uringlab did not stop on SIGINT");
        assertFalse(uringlab.exitValue() == 0, "an interrupted sweep is not a success");

        Thread.sleep(500);
        assertEquals(List.of(), childrenOf(dir), "no fio or bpftrace may survive Ctrl-C");
        assertEquals(1, completeRuns(runs), "the finished run is kept, the interrupted one is not committed");
        try (Stream<Path> entries = Files.list(runs)) {
            for (Path run : entries.toList()) {
                if (!run.getFileName().toString().startsWith(".partial-")) {
                    assertTrue(Files.exists(run.resolve("run.json")), "committed run without run.json: " + run);
                }
            }
        }

        Process again = start(file, results, dir.resolve("second.log"));
        assertTrue(again.waitFor(120, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("second.log"));
        assertEquals(0, again.exitValue(), log);
        assertTrue(log.contains("already done, skipped"), log);
        assertTrue(log.contains("done: 1 ok, 0 failed, 1 skipped"), log);
        assertEquals(2, completeRuns(runs));
    }

    private static Process start(Path file, Path results, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", file.toString(), "--results", results.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long completeRuns(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(runs)) {
            return entries.filter(p -> Files.exists(p.resolve("run.json"))
                    && !p.getFileName().toString().startsWith(".partial-")).count();
        }
    }

    private static boolean isFioOrBpftrace(String commandLine) {
        String argv0 = commandLine.split(" ", 2)[0];
        String name = argv0.substring(argv0.lastIndexOf('/') + 1);
        return name.equals("fio") || name.equals("bpftrace");
    }

    /** Command lines of live fio/bpftrace processes working in this test's directory. */
    private static List<String> childrenOf(Path dir) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> {
                        try {
                            String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .replace('\0', ' ');
                            String cwd = Files.readSymbolicLink(p.resolve("cwd")).toString();
                            return cmd + " @" + cwd;
                        } catch (IOException | UnsupportedOperationException e) {
                            return "";
                        }
                    })
                    .filter(c -> isFioOrBpftrace(c) && c.contains(dir.toString()))
                    .toList();
        }
    }
}
