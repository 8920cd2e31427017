package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Background workloads for real: a fio random writer on the same file and a spinning process run
 * beside the measured reader and are verifiably gone afterwards; one that dies early fails its
 * run with the reason, and the sweep goes on.
 */
class BackgroundIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
    }

    @Test
    void backgroundsRunBesideTheWorkloadAndAreGoneAfterIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bg.yaml");
        Path results = dir.resolve("results");
        Files.writeString(file, """
                experiments:
                  - name: contention
                    target: {kind: scratch, path: %s, size: 64m}
                    workload: {kind: fio, rw: randread, iodepth: 4, runtime: 2}
                    cpus: "1"
                    background:
                      - {kind: fio, rw: randwrite, iodepth: 4, cpus: "0"}
                      - {kind: spin, cpus: "0", count: 2}
                  - name: dies-early
                    target: {kind: scratch, path: %s, size: 64m}
                    workload: {kind: fio, runtime: 1}
                    sweep:
                      iodepth: [1, 2]
                    background:
                      - {kind: command, command: [sh, -c, "echo cannot start >&2; exit 3"]}
                """.formatted(dir.resolve("scratch.dat"), dir.resolve("scratch.dat")));
        assertEquals(ExitCodes.FAILURE, Main.execute("run", file.toString(), "--results", results.toString()),
                "the dies-early runs fail, so the sweep exits 1");

        List<Map<String, String>> ok = SweepIT.readCsv(results.resolve("contention/runs.csv"));
        assertEquals("ok", ok.get(0).get("status"), ok.toString());
        Path runDir = results.resolve("contention/runs").resolve(ok.get(0).get("run_id"));
        String writer = Files.readString(runDir.resolve("background-1.json"));
        assertTrue(writer.contains("\"write\""), "the background fio wrote its report when stopped");
        for (int n = 1; n <= 3; n++) {
            assertTrue(Files.exists(runDir.resolve("background-" + n + ".stderr")), "background " + n + " output kept");
        }
        assertEquals(List.of(), processesUnder(results), "no background outlives its run");

        List<Map<String, String>> failed = SweepIT.readCsv(results.resolve("dies-early/runs.csv"));
        assertEquals(2, failed.size(), "the sweep went on after the first failure");
        for (Map<String, String> row : failed) {
            assertEquals("failed", row.get("status"));
            assertTrue(row.get("error").contains("background #1") && row.get("error").contains("exited before the"
                    + " measured workload started") && row.get("error").contains("cannot start"), row.get("error"));
        }
    }

    /** Processes whose working directory is inside the results (every child runs in its run directory). */
    static List<String> processesUnder(Path results) throws IOException {
        String root = results.toRealPath().toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).map(p -> {
                try {
                    String cwd = Files.readSymbolicLink(p.resolve("cwd")).toString();
                    return cwd.startsWith(root) ? p.getFileName() + " " + cwd : null;
                } catch (IOException | UnsupportedOperationException e) {
                    return null;
                }
            }).filter(java.util.Objects::nonNull).toList();
        }
    }
}
