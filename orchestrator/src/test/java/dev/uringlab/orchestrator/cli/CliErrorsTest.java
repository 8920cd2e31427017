package dev.uringlab.orchestrator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad experiment file exits 2 with one file:line:col line and writes nothing under results/. */
class CliErrorsTest {

    record Outcome(int code, String err) {
    }

    static Outcome run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Outcome(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    private static Outcome runFile(Path dir, String yaml, String command) throws Exception {
        Path file = dir.resolve("experiments.yaml");
        Files.writeString(file, yaml);
        return run(command, file.toString(), "--results", dir.resolve("results").toString());
    }

    @Test
    void unknownKeyBadTypeAndUnknownProbeExit2WithPositionAndNoResults(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"experiments:\n  - name: a\n    workload: {kind: fio, iodeph: 4}\n", ":3:27: unknown key 'iodeph'"},
            {"experiments:\n  - name: a\n    workload: {kind: fio, iodepth: four}\n", ":3:36: workload.iodepth: expected a positive integer"},
            {"experiments:\n  - name: a\n    workload: {kind: fio}\n    probes: [kick_proces]\n", ":4:14: unknown probe 'kick_proces' (did you mean 'kick_process'?)"},
        };
        for (String[] c : cases) {
            for (String command : new String[] {"run", "plan"}) {
                Outcome outcome = runFile(dir, c[0], command);
                assertEquals(ExitCodes.USAGE, outcome.code(), outcome.err());
                assertTrue(outcome.err().contains("experiments.yaml" + c[1]), outcome.err());
                assertEquals(1, outcome.err().strip().lines().count(), "one line, no stack trace: " + outcome.err());
                assertFalse(Files.exists(dir.resolve("results")), "nothing may be written for a bad file");
            }
        }
    }

    @Test
    void missingFileAndBadSetAreUsageErrors(@TempDir Path dir) {
        Outcome missing = run("plan", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());
        Outcome badOption = run("run", "--no-such-option");
        assertEquals(ExitCodes.USAGE, badOption.code());
        assertTrue(badOption.err().contains("Unknown option"), badOption.err());
    }
}
