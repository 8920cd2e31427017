package dev.uringlab.orchestrator.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep of 10^6 runs planned by the real CLI in a JVM of 128 MiB, where the whole expansion
 * (about 5 KB per run) could not fit: the run list is computed as it is printed or searched.
 * No timing is asserted; bench/plan-scale.sh prints the figures.
 */
class HugeSweepIT {

    private static final String MILLION = """
            experiments:
              - name: big
                workload: {kind: fio, rw: randrw, direct: true}
                target: {kind: scratch, path: %s/scratch.dat, size: 64m}
                sweep:
                  iodepth: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                  bs: [4k, 8k, 12k, 16k, 20k, 24k, 28k, 32k, 36k, 40k]
                  numjobs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                  rwmixread: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
                  runtime: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                  ramp_time: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
            """;

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void write() throws IOException {
        file = dir.resolve("million.yaml");
        Files.writeString(file, MILLION.formatted(dir));
    }

    private static ProcessBuilder uringlab(String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(List.of(args));
        return new ProcessBuilder(argv);
    }

    @Test
    void refusedWithoutMaxRunsAndTheMessageSaysHowToRunItAnyway() throws Exception {
        Process p = uringlab("plan", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("asks for 1,000,000 runs") && out.contains(" days at ")
                && out.endsWith("if you mean it, add --max-runs 1000000\n"), out);
    }

    @Test
    void aMillionRunsArePlannedAndPrintedInA128MiBHeap() throws Exception {
        Path err = dir.resolve("plan.err");
        Process p = uringlab("plan", file.toString(), "--max-runs", "1000000").redirectError(err.toFile()).start();
        String first;
        String last = null;
        long runLines = 0;
        // Counted as it streams: holding 10^6 lines here would test this JVM's heap, not uringlab's.
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            first = r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.matches("\\s+\\d+ +big_\\S+ .*") || line.matches("\\s+\\d+ +iodepth-\\S+ .*")) {
                    runLines++;
                    last = line;
                }
            }
        }
        assertTrue(p.waitFor(600, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(err));
        assertEquals(file + ": 1 experiment(s), 1000000 run(s)", first);
        assertEquals(1_000_000, runLines);
        assertTrue(last.strip().startsWith("1000000  iodepth-10_bs-40k_numjobs-10_rwmixread-100_runtime-10_ramptime-9_r1_"),
                last);
    }

    @Test
    void runStatesCountAndDurationBeforePlanningAndSearchesTheIdsInA128MiBHeap() throws Exception {
        Path log = dir.resolve("run.log");
        Process p = uringlab("run", file.toString(), "--max-runs", "1000000", "--runs", "no-such-run",
                "--results", dir.resolve("results").toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(2, p.exitValue(), out);
        // The estimate's per-run overhead is a measured constant (SweepSize): the line is checked, not its figure.
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        assertTrue(lines[0].startsWith(file + ": 1,000,000 run(s), about ") && lines[0].contains(" days "), out);
        assertEquals("uringlab: " + file + ": --runs: no run 'no-such-run' in the plan (the file or a --set changed"
                + " since the ids were taken? see uringlab plan)", lines[1]);
    }
}
