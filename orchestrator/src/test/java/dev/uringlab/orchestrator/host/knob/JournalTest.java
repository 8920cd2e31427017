package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void tornLastLineFromACrashIsIgnoredAndRestoreMarksAreKept() throws Exception {
        Journal j = Journal.create(dir.resolve("results/exp"), Path.of("/"));
        j.append("turbo", "/sys/x", "0\n", "1", Map.of());
        j.append("smt", "/sys/y", "on\n", "off", Map.of());
        j.markRestored(2);
        Files.writeString(j.file(), "{\"type\":\"change\",\"seq\":3,\"ki", StandardOpenOption.APPEND);
        Journal read = Journal.open(j.file());
        assertEquals(2, read.entries().size());
        assertEquals("0\n", read.entries().get(0).oldValue());
        assertEquals(1, read.pending().size());
        assertEquals("/", read.hostRoot());
        assertEquals(j.file(), Journal.newestUnder(dir.resolve("results")).orElseThrow());
    }

    @Test
    void aJournalForAnotherRootIsRefused() throws Exception {
        FakeHost host = FakeHost.vm(dir);
        Journal j = Journal.create(dir.resolve("results"), Path.of("/"));
        j.append("turbo", "/sys/x", "0\n", "1", Map.of());
        HostException e = assertThrows(HostException.class, () -> Restorer.restore(Journal.open(j.file()), host.ctx()));
        assertTrue(e.getMessage().contains("records changes to host root /, not " + host.root), e.getMessage());
    }
}
