package dev.uringlab.orchestrator.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignallerTest {

    @TempDir
    Path tmp;

    private ChildProcess sleeper() throws Exception {
        return ChildProcess.start("sleep", List.of("sleep", "60"), tmp.resolve("out"), tmp.resolve("err"), tmp);
    }

    @Test
    void aSignalReachesTheChildAndNamesTheSameSenderEveryTime() throws Exception {
        try (ChildProcess a = sleeper(); ChildProcess b = sleeper()) {
            long first = a.signal("TERM");
            long second = b.signal("TERM");
            assertTrue(a.waitFor(Duration.ofSeconds(5)).isPresent(), "SIGTERM through the signaller must end sleep");
            assertTrue(b.waitFor(Duration.ofSeconds(5)).isPresent());
            assertEquals(Signaller.shared().pid(), first, "the sender is the signalling shell, not a kill child");
            assertEquals(first, second);
        }
    }

    @Test
    void aProcessThatIsGoneIsReportedAsNotSignalled() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(5, TimeUnit.SECONDS);
        assertEquals(-1, Signaller.shared().send("USR1", gone.pid()));
    }

    @Test
    void aKilledSignallerIsReplacedAndTheSignalStillArrives() throws Exception {
        Signaller old = Signaller.shared();
        assertNotNull(old);
        ProcessHandle.of(old.pid()).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(old.pid()).ifPresent(h -> h.onExit().join());
        try (ChildProcess child = sleeper()) {
            long sender = child.signal("TERM");
            assertTrue(child.waitFor(Duration.ofSeconds(5)).isPresent(), "the signal must arrive through kill(1) or a new shell");
            assertNotEquals(old.pid(), sender);
            assertFalse(ProcessHandle.of(old.pid()).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void onlySignalNamesAreSentToTheShell() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Signaller.shared().send("TERM; rm -rf /", 1));
    }
}
