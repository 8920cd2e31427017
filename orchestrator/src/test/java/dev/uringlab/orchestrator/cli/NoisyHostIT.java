package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real run beside an undeclared busy loop: the loop's CPU time shows in host_other_cpu_pct and
 * the run is labelled noisy in the progress output, runs.csv and the report. Only the loud side
 * is asserted: how quiet the quiet side is depends on whoever shares the machine.
 */
class NoisyHostIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
    }

    @Test
    void aBusyNeighbourLabelsTheRunNoisy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, """
                experiments:
                  - name: it-noisy
                    target: {kind: scratch, path: %s, size: 64m}
                    workload: {kind: fio, engine: io_uring, rw: randread, bs: 4k, iodepth: 4, runtime: 2}
                """.formatted(dir.resolve("scratch.dat")));
        Process hog = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            Thread.sleep(500);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.execute("run", file.toString(), "--results", dir.resolve("results").toString(),
                    "--noisy-above", "30");
        } finally {
            System.setOut(oldOut);
            hog.destroyForcibly();
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("warning: noisy host: other processes used ")
                && printed.contains("% of a CPU during the run (above 30%, see run --noisy-above)"), printed);
        List<Map<String, String>> rows = SweepIT.readCsv(dir.resolve("results/it-noisy/runs.csv"));
        double other = Double.parseDouble(rows.get(0).get("host_other_cpu_pct"));
        // One CPU's busy loop for the whole window: ~100, less what the workload took from it on a 2-CPU host.
        assertTrue(other > 50 && other < 400, "host_other_cpu_pct " + other);
        assertTrue(rows.get(0).get("warnings").contains("noisy host: "), rows.toString());
        assertTrue(Files.readString(dir.resolve("results/it-noisy/report.html")).contains("1 of 1 runs ran on a noisy host"));
    }
}
