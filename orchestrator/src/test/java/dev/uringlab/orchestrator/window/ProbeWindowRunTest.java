package dev.uringlab.orchestrator.window;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.probe.ProbeSession;
import dev.uringlab.orchestrator.process.ToolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which window a run's counts come from, with a session whose maps grow by a known amount per dump. */
class ProbeWindowRunTest {

    /**
     * Every dump returns the next of {@code dumps}; stop returns {@code process} (the process window).
     * Records which calls were made, in order.
     */
    static class ScriptedSession implements ProbeSession {
        final List<BpftraceMaps> dumps;
        final BpftraceMaps process;
        final boolean canDump;
        final List<String> calls = new ArrayList<>();
        int next;

        ScriptedSession(boolean canDump, BpftraceMaps process, BpftraceMaps... dumps) {
            this.canDump = canDump;
            this.process = process;
            this.dumps = List.of(dumps);
        }

        @Override
        public long pid() {
            return 42;
        }

        @Override
        public boolean dumps() {
            return canDump;
        }

        @Override
        public BpftraceMaps dump(Path raw) throws ToolException {
            calls.add("dump " + raw.getFileName());
            return dumps.get(next++);
        }

        @Override
        public BpftraceMaps stop() {
            calls.add("stop");
            return process;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    static BpftraceMaps maps(long enters, long rings) {
        return new BpftraceMaps(Map.of("@io_uring_enter", Map.of("1", enters), "@ring_flags", Map.of("12552", rings)));
    }

    @Test
    void ioProbesComeFromTheIoWindowAndSetUpProbesFromTheProcessWindow(@TempDir Path runDir) throws Exception {
        ScriptedSession session = new ScriptedSession(true, maps(130, 1), maps(10, 1), maps(110, 1));
        try (ProbeWindowRun run = ProbeWindowRun.start(session, runDir, 1)) {
            assertTrue(Files.exists(run.socket()));
            assertEquals("ok", IoBarrierTest.send(run.socket(), "open"));
            assertEquals("ok", IoBarrierTest.send(run.socket(), "close"));
            Map<String, Map<String, Long>> counts = run.counts(List.of("io_uring_enter", "ring_flags"));
            assertEquals(Map.of("1", 100L), counts.get("io_uring_enter"), "closing minus opening of the I/O window");
            assertEquals(Map.of("12552", 1L), counts.get("ring_flags"), "the ring, set up before the window opened");
            assertEquals(List.of("dump " + DumpWindow.OPENING, "dump " + DumpWindow.CLOSING, "stop"), session.calls);
            Map<String, Double> metrics = ProbeWindowRun.addTo(run, Map.of("iops", 1.0));
            assertEquals(1.0, metrics.get(ProbeWindowRun.WINDOW_IO));
            assertTrue(metrics.get(ProbeWindowRun.WINDOW_SECONDS) >= 0);
            assertTrue(metrics.containsKey(ProbeWindowRun.WAIT_SECONDS));
            assertTrue(run.warnings().isEmpty());
        }
    }

    @Test
    void withoutSetUpProbesTheProcessWindowIsNeitherNeededNorRead(@TempDir Path runDir) throws Exception {
        assertFalse(ProbeWindowRun.needsProcessWindow(2, List.of("io_uring_enter", "fget")));
        assertTrue(ProbeWindowRun.needsProcessWindow(2, List.of("io_uring_enter", "ring_flags")));
        assertTrue(ProbeWindowRun.needsProcessWindow(0, List.of("io_uring_enter")), "no barrier: process window");
        ScriptedSession session = new ScriptedSession(true, null, maps(10, 1), maps(110, 1));
        try (ProbeWindowRun run = ProbeWindowRun.start(session, runDir, 1)) {
            IoBarrierTest.send(run.socket(), "open");
            IoBarrierTest.send(run.socket(), "close");
            run.counts(List.of("io_uring_enter"));
            assertFalse(session.calls.contains("stop"), "a stop would cost the shared session one more dump");
        }
    }

    @Test
    void aWorkloadThatCannotSayWhereItsIoIsKeepsTheProcessWindowAndSaysSo(@TempDir Path runDir) throws Exception {
        ScriptedSession session = new ScriptedSession(true, maps(130, 1));
        try (ProbeWindowRun run = ProbeWindowRun.start(session, runDir, 0)) {
            assertNull(run.socket());
            assertEquals(Map.of("1", 130L), run.counts(List.of("io_uring_enter")).get("io_uring_enter"));
            assertEquals(0.0, ProbeWindowRun.addTo(run, Map.of()).get(ProbeWindowRun.WINDOW_IO));
        }
    }

    @Test
    void aSessionThatCannotDumpKeepsTheProcessWindow(@TempDir Path runDir) throws Exception {
        try (ProbeWindowRun run = ProbeWindowRun.start(new ScriptedSession(false, maps(5, 1)), runDir, 2)) {
            assertNull(run.socket(), "no barrier the session could not serve");
            assertFalse(run.isIoWindow());
        }
    }

    @Test
    void aWindowNeverOpenedIsAnErrorNotAZero(@TempDir Path runDir) throws Exception {
        try (ProbeWindowRun run = ProbeWindowRun.start(new ScriptedSession(true, maps(5, 1)), runDir, 1)) {
            ToolException e = assertThrows(ToolException.class, () -> run.counts(List.of("io_uring_enter")));
            assertTrue(e.getMessage().contains("never connected"), e.getMessage());
        }
    }

    @Test
    void aWindowNotClosedByEveryJobClosesAtExitWithAWarning(@TempDir Path runDir) throws Exception {
        ScriptedSession session = new ScriptedSession(true, maps(0, 2), maps(10, 2), maps(70, 2));
        try (ProbeWindowRun run = ProbeWindowRun.start(session, runDir, 2)) {
            IoBarrierTest.send(run.socket(), "open");
            IoBarrierTest.send(run.socket(), "open");
            IoBarrierTest.send(run.socket(), "close"); // the second job never got to its exec_postrun
            assertEquals(Map.of("1", 60L), run.counts(List.of("io_uring_enter")).get("io_uring_enter"));
            assertEquals(1, run.warnings().size());
            assertTrue(run.warnings().get(0).contains("closed when the workload exited"), run.warnings().toString());
        }
    }

    @Test
    void aFailedDumpFailsTheRunWithItsReason(@TempDir Path runDir) throws Exception {
        ScriptedSession session = new ScriptedSession(true, maps(0, 1)) {
            @Override
            public BpftraceMaps dump(Path raw) throws ToolException {
                throw new ToolException("bpftrace (pid 42, shared by the experiment's runs) is gone");
            }
        };
        try (ProbeWindowRun run = ProbeWindowRun.start(session, runDir, 1)) {
            assertTrue(IoBarrierTest.send(run.socket(), "open").startsWith("error "));
            assertTrue(run.failure().getMessage().contains("is gone"));
            ToolException e = assertThrows(ToolException.class, () -> run.counts(List.of("io_uring_enter")));
            assertTrue(e.getMessage().contains("is gone"), e.getMessage());
        }
    }

    @Test
    void metersFollowTheIoWindowReadAfterTheOpeningDumpAndBeforeTheClosingOne(@TempDir Path runDir) throws Exception {
        ScriptedSession session = new ScriptedSession(true, null, maps(10, 1), maps(110, 1));
        try (ProbeWindowRun run = ProbeWindowRun.start(session, runDir, 1)) {
            assertTrue(run.follow(() -> session.calls.add("cost open"), () -> session.calls.add("cost close")));
            assertTrue(run.follow(() -> session.calls.add("cpu open"), () -> session.calls.add("cpu close")));
            IoBarrierTest.send(run.socket(), "open");
            IoBarrierTest.send(run.socket(), "close");
            run.counts(List.of("io_uring_enter"));
            assertEquals(List.of("dump " + DumpWindow.OPENING, "cost open", "cpu open", "cost close", "cpu close",
                    "dump " + DumpWindow.CLOSING), session.calls);
        }
    }

    @Test
    void aProcessWindowLeavesTheMetersToTheCaller(@TempDir Path runDir) throws Exception {
        try (ProbeWindowRun run = ProbeWindowRun.start(new ScriptedSession(true, maps(5, 1)), runDir, 0)) {
            assertFalse(run.follow(() -> { }, () -> { }), "no I/O window: the meter keeps its process readings");
        }
    }

    @Test
    void aFailedReadingKeepsTheWindowAndWarns(@TempDir Path runDir) throws Exception {
        ScriptedSession session = new ScriptedSession(true, null, maps(10, 1), maps(110, 1));
        try (ProbeWindowRun run = ProbeWindowRun.start(session, runDir, 1)) {
            run.follow(() -> {
                throw new IllegalStateException("fdinfo gone");
            }, () -> { });
            assertEquals("ok", IoBarrierTest.send(run.socket(), "open"));
            assertEquals("ok", IoBarrierTest.send(run.socket(), "close"));
            assertEquals(Map.of("1", 100L), run.counts(List.of("io_uring_enter")).get("io_uring_enter"));
            assertEquals(1, run.warnings().size(), run.warnings().toString());
            assertTrue(run.warnings().get(0).contains("opening edge failed") && run.warnings().get(0).contains("fdinfo gone"));
        }
    }
}
