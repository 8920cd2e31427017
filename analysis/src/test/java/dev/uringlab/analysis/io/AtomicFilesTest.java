package dev.uringlab.analysis.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AtomicFilesTest {

    /** The umask's mode, whatever it is here: a report written by a root sweep must open for the colleague too. */
    @Test
    void writtenFilesGetTheUmasksModeNotATempFiles(@TempDir Path dir) throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path report = dir.resolve("report.html");
        AtomicFiles.write(report, "<html>");
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(report));
        assertEquals("<html>", Files.readString(report));
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temp file left behind");
        }
    }
}
