package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.verdict.Expectation;
import dev.uringlab.analysis.verdict.ExpectationsJson;
import dev.uringlab.analysis.verdict.VerdictTable;
import dev.uringlab.analysis.verdict.Verdicts;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.Plan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run's side of the verdicts: the claims are stored next to the runs before they start (the
 * report judges them when it renders), and read back from verdicts.csv when the sweep is done.
 */
final class ExpectationsStep {

    private ExpectationsStep() {
    }

    static void store(Plan plan, Path resultsRoot) throws IOException {
        for (ExperimentPlan e : plan.experiments()) {
            List<Expectation> claims = plan.file().expectationsOf(e.experiment().name());
            Path dir = resultsRoot.resolve(e.experiment().name());
            Path json = dir.resolve(Verdicts.EXPECTATIONS);
            if (claims.isEmpty()) {
                // Claims removed from the file must not be judged from an old copy.
                Files.deleteIfExists(json);
                continue;
            }
            Files.createDirectories(dir);
            AtomicFiles.write(json, ExpectationsJson.write(claims));
        }
    }

    /** Every verdict row of the plan's experiments (verdicts.csv, written by the report). */
    static List<Map<String, String>> collect(Plan plan, Path resultsRoot) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (ExperimentPlan e : plan.experiments()) {
            if (!plan.file().expectationsOf(e.experiment().name()).isEmpty()) {
                rows.addAll(VerdictTable.readCsv(resultsRoot.resolve(e.experiment().name()).resolve(Verdicts.VERDICTS)));
            }
        }
        return rows;
    }

    static void print(List<Map<String, String>> rows, PrintStream out) {
        if (rows.isEmpty()) {
            return;
        }
        out.println("verdicts:");
        for (Map<String, String> r : rows) {
            out.printf("  %-20s %s (%s): %s %s %s — %s %s%n", r.get("verdict"), r.get("claim"), r.get("source"),
                    r.get("metric"), r.get("expected"), r.get("compared"), (r.get("estimate") + " " + r.get("interval")).trim(),
                    r.get("detail").isEmpty() ? "" : "[" + r.get("detail") + "]");
        }
    }
}
