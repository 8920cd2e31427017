package dev.uringlab.orchestrator.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostLockTest {

    @Test
    void theHolderIsNamedToTheSecondAndRecordedForTheNext(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run/uringlab.lock");
        long me = ProcessHandle.current().pid();
        try (HostLock first = HostLock.acquire(file, "irq-locality", dir.resolve("results"))) {
            assertTrue(first.previousHolder().isEmpty());
            HostLock.Busy busy = assertThrows(HostLock.Busy.class, () -> HostLock.acquire(file, "other", dir));
            assertTrue(busy.getMessage().startsWith("another sweep is running on this host: uringlab pid " + me
                    + ", experiment(s) irq-locality, results " + dir.resolve("results") + ", started 20"), busy.getMessage());
            assertTrue(busy.getMessage().endsWith("(wait for it, or stop it: kill " + me + ")"));
        }
        assertEquals("rw-rw-rw-", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (HostLock second = HostLock.acquire(file, "b", dir)) {
            assertEquals("irq-locality", second.previousHolder().orElseThrow().get("experiments"));
        }
    }
}
