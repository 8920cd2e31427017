package dev.uringlab.orchestrator.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFileTest {

    @TempDir
    Path dir;

    @Test
    void parsesFioSizes() {
        assertEquals(512L << 20, ScratchFile.parseSize("512m"));
        assertEquals(1L << 30, ScratchFile.parseSize("1G"));
        assertEquals(2L << 30, ScratchFile.parseSize("2GiB"));
        assertEquals(4096, ScratchFile.parseSize("4096"));
        assertEquals(64L << 10, ScratchFile.parseSize("64k"));
        assertThrows(IllegalArgumentException.class, () -> ScratchFile.parseSize("1.5g"));
        assertThrows(IllegalArgumentException.class, () -> ScratchFile.parseSize("99999999999t"));
    }

    @Test
    void createsFilledFileThenReusesIt() throws IOException {
        Path f = dir.resolve("sub/scratch");
        ScratchFile first = ScratchFile.ensure(f, 1 << 20);
        assertTrue(first.created());
        assertEquals(1 << 20, Files.size(f));
        byte[] data = Files.readAllBytes(f);
        int zeros = 0;
        for (byte b : data) {
            zeros += b == 0 ? 1 : 0;
        }
        assertTrue(zeros < data.length / 100, "random data, not zeros or holes");
        assertFalse(Files.exists(dir.resolve("sub/scratch.partial")));
        ScratchFile again = ScratchFile.ensure(f, 1 << 20);
        assertFalse(again.created());
    }

    @Test
    void refusesToOverwriteFileOfOtherSize() throws IOException {
        Path f = dir.resolve("scratch");
        Files.write(f, new byte[4096]);
        IOException e = assertThrows(IOException.class, () -> ScratchFile.ensure(f, 8192));
        assertEquals("scratch file " + f + " exists with 4096 bytes, not the configured 8192; "
                + "delete it or set another scratch path", e.getMessage());
        assertEquals(4096, Files.size(f));
    }

    @Test
    void refusesWhenFilesystemIsTooFull() {
        Path f = dir.resolve("scratch");
        IOException e = assertThrows(IOException.class,
                () -> ScratchFile.ensure(f, ScratchFile.DEFAULT_SIZE, p -> 100L << 20));
        assertEquals("no room for scratch file " + f + ": needs 1.0 GiB (+64.0 MiB headroom) but " + dir
                + " has 100.0 MiB free; lower the scratch size or pick another filesystem", e.getMessage());
        assertFalse(Files.exists(f));
    }

    @Test
    void refusesUnalignedSizeAndDirectories() {
        assertThrows(IOException.class, () -> ScratchFile.ensure(dir.resolve("x"), 1000));
        IOException e = assertThrows(IOException.class, () -> ScratchFile.ensure(dir, 4096));
        assertTrue(e.getMessage().endsWith("exists but is not a regular file; choose another path"));
    }
}
