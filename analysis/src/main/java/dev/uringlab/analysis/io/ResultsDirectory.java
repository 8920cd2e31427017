package dev.uringlab.analysis.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.uringlab.analysis.model.RunRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One experiment's results directory read back: manifest.json and every runs/&lt;id&gt;/run.json.
 * Hidden partial directories of an interrupted run are skipped; a run.json that cannot be read
 * is an error naming it, because silently plotting fewer runs would misstate the results.
 */
public record ResultsDirectory(Path dir, Manifest manifest, List<RunRecord> runs) {

    public static final String MANIFEST = "manifest.json";
    public static final String RUNS = "runs";

    public static ResultsDirectory load(Path dir) throws IOException {
        Path runsDir = dir.resolve(RUNS);
        if (!Files.isDirectory(runsDir)) {
            throw new IOException(dir + ": not a uringlab results directory (no runs/ inside; "
                    + "give results/<experiment>, not results/)");
        }
        Manifest manifest = Manifest.of(readManifest(dir.resolve(MANIFEST)), dir.getFileName().toString());
        List<Path> files;
        try (Stream<Path> entries = Files.list(runsDir)) {
            files = entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> p.resolve("run.json")).filter(Files::isRegularFile).toList();
        }
        List<RunRecord> runs;
        try {
            // Parsed in parallel: ten thousand small files are otherwise most of `plot`'s time.
            runs = files.parallelStream().map(ResultsDirectory::read)
                    .sorted(Comparator.comparingInt(RunRecord::index).thenComparing(RunRecord::runId)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (runs.isEmpty()) {
            throw new IOException(runsDir + ": no finished runs (no runs/*/run.json)");
        }
        return new ResultsDirectory(dir, manifest, runs);
    }

    private static RunRecord read(Path file) {
        try {
            return RunRecordJson.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readManifest(Path file) throws IOException {
        if (!Files.exists(file)) {
            return MissingNode.getInstance();
        }
        try {
            return RunRecordJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not readable JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
