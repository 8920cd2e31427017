package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe tool started ahead of an experiment's first run, with a real child process standing
 * in for bpftrace: the first run gets that very process, or its error; a run asking for another
 * program, or an experiment ending before any run, never leaves it running.
 */
class SharedSlotEarlyStartIT {

    @TempDir
    Path tmp;

    private final AtomicInteger starts = new AtomicInteger();

    private SharedSlot.Starter tool(String identity) {
        return dir -> {
            starts.incrementAndGet();
            Path out = dir.resolve(identity + "-" + starts.get() + ".out");
            ChildProcess child = ChildProcess.start("stand-in", List.of("sh", "-c", "sleep 0.2; echo attached; exec sleep 60"),
                    out, dir.resolve(identity + ".err"), dir);
            return SharedProbeProcess.attach("stand-in", child, out, identity, Duration.ofSeconds(20),
                    text -> text.contains("attached"));
        };
    }

    private static SharedSlot.Starter failing(String message) {
        return dir -> {
            throw new ToolException(message);
        };
    }

    @Test
    void theFirstRunGetsTheProcessStartedEarly() throws Exception {
        SharedSlot slot = new SharedSlot();
        slot.begin(tmp);
        slot.startEarly("program-a", tool("program-a"));
        SharedProbeProcess first = slot.get("program-a", failing("must not start again"));
        assertTrue(first.isAlive());
        assertSame(first, slot.get("program-a", failing("must not start again")));
        assertEquals(1, starts.get());
        slot.end();
        assertFalse(first.isAlive());
    }

    @Test
    void aRunAskingForAnotherProgramStopsTheEarlyOne() throws Exception {
        SharedSlot slot = new SharedSlot();
        slot.begin(tmp);
        slot.startEarly("program-a", tool("program-a"));
        SharedProbeProcess other = slot.get("program-b", tool("program-b"));
        assertEquals("program-b", other.identity());
        assertEquals(2, starts.get());
        // the early one was waited for and closed before the other started
        assertTrue(other.isAlive());
        slot.end();
        assertFalse(other.isAlive());
    }

    @Test
    void anEarlyStartThatFailedFailsTheFirstRunWithItsOwnMessage() throws Exception {
        SharedSlot slot = new SharedSlot();
        slot.begin(tmp);
        slot.startEarly("program-a", failing("bpftrace: Error attaching probe: 'kprobe:fget'"));
        ToolException e = assertThrows(ToolException.class, () -> slot.get("program-a", failing("started again")));
        assertEquals("bpftrace: Error attaching probe: 'kprobe:fget'", e.getMessage());
        // a retry (ProbeStarter's fallback) starts anew
        SharedProbeProcess retried = slot.get("program-a", tool("program-a"));
        assertTrue(retried.isAlive());
        slot.end();
    }

    @Test
    void anExperimentEndingBeforeItsFirstRunStopsTheEarlyProcess() throws Exception {
        SharedSlot slot = new SharedSlot();
        slot.begin(tmp);
        long[] pid = new long[1];
        SharedSlot.Starter starter = tool("program-a");
        slot.startEarly("program-a", dir -> {
            SharedProbeProcess p = starter.start(dir);
            pid[0] = p.pid();
            return p;
        });
        slot.end();
        assertNotEquals(0, pid[0]);
        assertFalse(ProcessHandle.of(pid[0]).map(ProcessHandle::isAlive).orElse(false), "pid " + pid[0] + " still runs");
    }
}
