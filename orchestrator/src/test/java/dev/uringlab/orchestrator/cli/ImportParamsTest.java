package dev.uringlab.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code uringlab import --params}: a capture's runs get parameters by position; a bad map is one line, exit 2. */
class ImportParamsTest {

    private static Path capture(Path dir) throws Exception {
        Path file = dir.resolve("session.log");
        // The analysis module's golden capture (tests run in the module's directory).
        Files.copy(Path.of("../analysis/src/test/resources/imports/capture-fio3.33-bpftrace0.17-perf6.1.log"), file);
        return file;
    }

    @Test
    void parametersByRunPositionReachRunsCsv(@TempDir Path dir) throws Exception {
        Path params = Files.writeString(dir.resolve("p.yaml"), "1: {coop_taskrun: false}\nsession.log:\n  6: {coop_taskrun: true}\n");
        CliErrorsTest.Outcome out = CliErrorsTest.run("import", capture(dir).toString(), "--experiment", "cap",
                "--results", dir.resolve("r").toString(), "--params", params.toString());
        assertEquals(0, out.code(), out.err());
        var rows = SweepIT.readCsv(dir.resolve("r/cap/runs.csv"));
        assertEquals(6, rows.size());
        assertEquals("false", rows.get(0).get("coop_taskrun"));
        assertEquals("", rows.get(1).get("coop_taskrun"));
        assertEquals("true", rows.get(5).get("coop_taskrun"));
    }

    @Test
    void aBadMapIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path capture = capture(dir);
        String[][] cases = {
            {"9: {a: b}\n", "p.yaml: run 9 is not in "},
            {"a: [1\n", "p.yaml:1:6: not YAML: "},
            {"1: [on]\n", "p.yaml: 1: expected parameters as a map"},
            {"session.log: {x: {a: b}}\n", "p.yaml: under 'session.log', 'x' is not a run position"},
        };
        for (String[] c : cases) {
            Path params = Files.writeString(dir.resolve("p.yaml"), c[0]);
            CliErrorsTest.Outcome out = CliErrorsTest.run("import", capture.toString(), "--experiment", "cap",
                    "--results", dir.resolve("bad").toString(), "--params", params.toString());
            assertEquals(ExitCodes.USAGE, out.code(), out.err());
            assertTrue(out.err().contains(c[1]), out.err());
            assertEquals(1, out.err().strip().lines().count(), out.err());
        }
    }
}
