package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.report.RunsCsvWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * runs.csv kept current after every run. Rewriting every row after every run made a sweep's
 * per-run cost grow with its length (about 30 ms at 2,000 runs, ten times that at the 20,000
 * a sweep may hold), so a run whose row needs no new column and comes after every written row
 * in plan order is appended; anything else (a new per-CPU or callsite column, a run redone,
 * a file someone else replaced) rewrites the whole file, which is then byte for byte what an
 * append-free rewrite would be.
 */
final class RunsCsvFile {

    private final Path file;
    private RunsCsvWriter.Columns columns;
    private int lastIndex;
    private long writtenSize = -1;

    RunsCsvFile(Path file) {
        this.file = file;
    }

    /** The whole file from these runs, given in plan order, replaced in one rename. */
    void rewrite(List<RunRecord> runs) throws IOException {
        StringWriter text = new StringWriter();
        RunsCsvWriter.Columns written = RunsCsvWriter.write(runs, text);
        AtomicFiles.write(file, text.toString());
        columns = written;
        lastIndex = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).index();
        writtenSize = Files.size(file);
    }

    /** Appends the run's row and syncs it when that keeps the file equal to a rewrite; false when a rewrite is needed. */
    boolean tryAppend(RunRecord run) throws IOException {
        if (columns == null || run.index() <= lastIndex || !columns.fits(run) || !unchangedSinceWritten()) {
            return false;
        }
        byte[] row = columns.row(run).getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(row);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        }
        lastIndex = run.index();
        writtenSize += row.length;
        return true;
    }

    /** A report or `uringlab plot` may have rewritten the file meanwhile: then appending could duplicate or reorder rows. */
    private boolean unchangedSinceWritten() throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == writtenSize;
    }
}
