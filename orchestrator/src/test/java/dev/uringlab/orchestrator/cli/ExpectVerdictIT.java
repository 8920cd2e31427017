package dev.uringlab.orchestrator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A claim that holds is reproduced, one that expects the opposite is not, and
 * {@code --fail-on not-reproduced} turns that into exit 1 — through real runs of a real command.
 */
class ExpectVerdictIT {

    private static String claims(Path dir, String effect) {
        return """
                experiments:
                  - name: it-expect
                    target: {kind: scratch, path: %s, size: 1m}
                    workload:
                      kind: command
                      program: sh
                      args: ["-c", "echo value=$(( {n} * 10 + $$ %% 3 ))"]
                      params: {n: 1}
                      parse: {regex: "value=(?<value>[0-9]+)", stream: stdout}
                    sweep: {n: [1, 5]}
                    repetitions: 3
                    expect:
                      - claim: more n, more value
                        source: this test
                        compare: {n: [1, 5]}
                        metric: value
                        effect: %s
                """.formatted(dir.resolve("scratch.dat"), effect);
    }

    @Test
    void aHoldingClaimIsReproducedAndTheOppositeFailsTheRun(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, claims(dir, "higher"));
        Path results = dir.resolve("results");
        assertEquals(ExitCodes.OK, Main.execute("run", good.toString(), "--results", results.toString(),
                "--fail-on", "not-reproduced"));
        Path experiment = results.resolve("it-expect");
        List<Map<String, String>> verdicts = SweepIT.readCsv(experiment.resolve("verdicts.csv"));
        assertEquals("reproduced", verdicts.get(0).get("verdict"), verdicts.toString());
        String html = Files.readString(experiment.resolve("report.html"));
        assertTrue(html.indexOf("<h2>Verdicts</h2>") >= 0 && html.indexOf("<h2>Verdicts</h2>") < html.indexOf("<h2>Findings</h2>"));

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, claims(dir, "lower"));
        assertEquals(ExitCodes.FAILURE, Main.execute("run", broken.toString(), "--results", results.toString(),
                "--fail-on", "not-reproduced"));
        assertEquals("not reproduced", SweepIT.readCsv(experiment.resolve("verdicts.csv")).get(0).get("verdict"));
        // Without --fail-on the verdict is reported, not gated on.
        assertEquals(ExitCodes.OK, Main.execute("run", broken.toString(), "--results", results.toString()));
    }

    @Test
    void reproduceSummarisesEveryClaimFile(@TempDir Path dir) throws Exception {
        Path suite = Files.createDirectories(dir.resolve("claims"));
        Files.writeString(suite.resolve("a.yaml"), claims(dir, "higher"));
        Path results = dir.resolve("results");
        assertEquals(ExitCodes.OK, Main.execute("reproduce", suite.toString(), "--results", results.toString(),
                "--fail-on", "not-reproduced"));
        List<Map<String, String>> rows = SweepIT.readCsv(results.resolve("reproduce.csv"));
        assertEquals(1, rows.size());
        assertEquals("reproduced", rows.get(0).get("verdict"));
        assertEquals("this test", rows.get(0).get("source"));
        assertTrue(Files.readString(results.resolve("reproduce.md")).contains("| more n, more value | this test |"));
    }
}
