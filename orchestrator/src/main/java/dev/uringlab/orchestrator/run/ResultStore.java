package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.RunRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    private final RunsCsvFile runsCsv;
    /** The run committed last, as read back: its runs.csv row needs no second parse. Only one, so memory does not grow with the sweep. */
    private RunRecord lastCommitted;

    public ResultStore(Path resultsRoot, String experiment) {
        this.experimentDir = resultsRoot.resolve(experiment);
        this.runsCsv = new RunsCsvFile(experimentDir.resolve("runs.csv"));
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
        if (lastCommitted != null && lastCommitted.runId().equals(runId)) {
            return Optional.of(lastCommitted);
        }
        Path json = runDir(runId).resolve("run.json");
        if (!Files.exists(json)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunRecordJson.read(json));
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
        lastCommitted = null;
        deleteTree(finalDir);
        Files.move(partial, finalDir, StandardCopyOption.ATOMIC_MOVE);
        // As read back, so runs.csv holds exactly what a later `uringlab plot` would write from disk.
        lastCommitted = RunRecordJson.read(finalDir.resolve("run.json"));
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

    /** runs.csv for the given runs in plan order (only runs that exist on disk), written whole. */
    public void writeRunsCsv(Iterable<String> plannedRunIds) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        for (String id : plannedRunIds) {
            stored(id).ifPresent(runs::add);
        }
        runsCsv.rewrite(runs);
    }

    /** runs.csv after the run just committed: its row appended when that equals a rewrite, else rewritten. */
    public void updateRunsCsv(String committedRunId, Iterable<String> plannedRunIds) throws IOException {
        Optional<RunRecord> committed = stored(committedRunId);
        if (committed.isEmpty() || !runsCsv.tryAppend(committed.get())) {
            writeRunsCsv(plannedRunIds);
        }
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
