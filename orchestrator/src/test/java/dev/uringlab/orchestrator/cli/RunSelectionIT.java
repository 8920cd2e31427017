package dev.uringlab.orchestrator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --runs}: only the named runs run (a Slurm spread task's share); an id not in the plan is refused. */
class RunSelectionIT {

    @Test
    void onlyTheNamedRunsRunAndAnUnknownIdIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, """
                experiments:
                  - name: it-runs
                    target: {kind: scratch, path: %s, size: 1m}
                    workload: {kind: command, program: "true", params: {n: 1}}
                    sweep: {n: [1, 2, 3]}
                """.formatted(dir.resolve("scratch.dat")));
        Path results = dir.resolve("results");
        CliErrorsTest.Outcome refused = CliErrorsTest.run("run", file.toString(), "--results", results.toString(),
                "--runs", "no-such-run");
        assertEquals(ExitCodes.USAGE, refused.code());
        assertTrue(refused.err().contains("--runs: no run 'no-such-run' in the plan"), refused.err());

        List<String> ids = runIds(file);
        assertEquals(3, ids.size());
        assertEquals(0, Main.execute("run", file.toString(), "--results", results.toString(), "--runs",
                ids.get(0) + "," + ids.get(2)));
        try (Stream<Path> runs = Files.list(results.resolve("it-runs").resolve("runs"))) {
            assertEquals(java.util.Set.of(ids.get(0), ids.get(2)),
                    runs.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        List<Map<String, String>> rows = SweepIT.readCsv(results.resolve("it-runs").resolve("runs.csv"));
        assertEquals(2, rows.size());
    }

    private static List<String> runIds(Path file) throws Exception {
        return new ExperimentOptionsProbe(file).plannedIds();
    }

    /** The plan's run ids, as submit takes them. */
    private record ExperimentOptionsProbe(Path file) {
        List<String> plannedIds() throws Exception {
            ExperimentOptions options = new ExperimentOptions();
            options.file = file;
            return options.plan(Lab.open()).experiments().get(0).runs().stream()
                    .map(dev.uringlab.orchestrator.plan.RunSpec::runId).toList();
        }
    }
}
