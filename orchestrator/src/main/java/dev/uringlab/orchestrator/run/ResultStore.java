package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.report.RunsCsvWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * results/&lt;experiment&gt;/: a run is written into a hidden partial directory and renamed into
 * runs/&lt;run-id&gt;/ only when complete, so a crash or Ctrl-C never leaves a half-written run.json
 * and a re-run resumes from the runs that finished.
 */
public final class ResultStore {

    private static final String PARTIAL = ".partial-";

    private final Path experimentDir;
    /**
     * Runs this store committed or read, so that rewriting runs.csv after every run does not parse
     * every stored run.json again (quadratic in the sweep's size).
     */
    private final Map<String, RunRecord> known = new HashMap<>();

    public ResultStore(Path resultsRoot, String experiment) {
        this.experimentDir = resultsRoot.resolve(experiment);
    }

    public Path experimentDir() {
        return experimentDir;
    }

    public Path runsDir() {
        return experimentDir.resolve("runs");
    }

    public Path runDir(String runId) {
        return runsDir().resolve(runId);
    }

    /** The stored run, if a complete one exists. */
    public Optional<RunRecord> stored(String runId) {
        RunRecord cached = known.get(runId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path json = runDir(runId).resolve("run.json");
        if (!Files.exists(json)) {
            return Optional.empty();
        }
        try {
            RunRecord run = RunRecordJson.read(json);
            known.put(runId, run);
            return Optional.of(run);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A fresh, empty working directory for a run; leftovers of an interrupted attempt are removed first. */
    public Path begin(String runId) throws IOException {
        Files.createDirectories(runsDir());
        Path partial = runsDir().resolve(PARTIAL + runId);
        deleteTree(partial);
        Files.createDirectories(partial);
        return partial;
    }

    /** Writes run.json into the partial directory and moves it into place in one rename; returns what was stored. */
    public RunRecord commit(Path partial, RunRecord run) throws IOException {
        Path finalDir = runDir(run.runId());
        if (run.error() != null && run.error().contains(partial.toString())) {
            // Tools name the directory they wrote to; after the rename that is the final one.
            run = run.withError(run.error().replace(partial.toString(), finalDir.toString()));
        }
        AtomicFiles.write(partial.resolve("run.json"), RunRecordJson.write(run));
        known.remove(run.runId());
        deleteTree(finalDir);
        Files.move(partial, finalDir, StandardCopyOption.ATOMIC_MOVE);
        // As read back, so runs.csv holds exactly what a later `uringlab plot` would write from disk.
        known.put(run.runId(), RunRecordJson.read(finalDir.resolve("run.json")));
        return run;
    }

    /** Removes partial directories left by a killed sweep. */
    public void cleanPartials() throws IOException {
        if (!Files.isDirectory(runsDir())) {
            return;
        }
        try (Stream<Path> entries = Files.list(runsDir())) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(PARTIAL)).toList()) {
                deleteTree(p);
            }
        }
    }

    public void writeManifest(String json) throws IOException {
        AtomicFiles.write(experimentDir.resolve("manifest.json"), json);
    }

    /** runs.csv for the given runs in plan order (only runs that exist on disk). */
    public void writeRunsCsv(List<String> plannedRunIds) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        for (String id : plannedRunIds) {
            stored(id).ifPresent(runs::add);
        }
        AtomicFiles.write(experimentDir.resolve("runs.csv"), RunsCsvWriter.write(runs));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
