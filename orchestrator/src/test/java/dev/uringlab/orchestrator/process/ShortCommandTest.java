package dev.uringlab.orchestrator.process;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short tool calls through Commons Exec: exit code and both streams kept apart, a hung call killed at its timeout. */
class ShortCommandTest {

    @Test
    void keepsExitCodeAndBothStreams() throws Exception {
        ShortCommand.Result r = ShortCommand.run(List.of("sh", "-c", "echo out; echo one >&2; echo two >&2; exit 3"),
                Duration.ofSeconds(30));
        assertEquals(3, r.exitCode());
        assertFalse(r.timedOut());
        assertFalse(r.ok());
        assertEquals("out\n", r.stdout());
        assertEquals("one | two", r.stderrTail(2));
        assertEquals("two", r.stderrTail(1));
    }

    @Test
    void aHungCallIsKilledAtItsTimeout() throws Exception {
        long t0 = System.nanoTime();
        ShortCommand.Result r = ShortCommand.run(List.of("sleep", "30"), Duration.ofMillis(300));
        assertTrue(r.timedOut());
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "killed, not waited for");
    }

    @Test
    void aMissingProgramIsAnIoErrorOrAFailedExit() {
        // Through setsid the exec failure is setsid's exit 127; without it, Commons Exec throws.
        try {
            ShortCommand.Result r = ShortCommand.run(List.of("/no/such/tool-uringlab"), Duration.ofSeconds(10));
            assertEquals(127, r.exitCode(), r.toString());
        } catch (java.io.IOException e) {
            assertTrue(e.getMessage().contains("tool-uringlab"), e.getMessage());
        }
        assertTrue(Tools.available("sh") && !Tools.available("/no/such/tool-uringlab"));
    }
}
