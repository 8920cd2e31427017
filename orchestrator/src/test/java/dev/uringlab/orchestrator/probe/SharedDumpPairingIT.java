package dev.uringlab.orchestrator.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which output answers which SIGUSR1, against a stand-in tool that speaks the dump protocol and
 * misbehaves on purpose: it prints, before each real answer, a stale dump of an earlier signal
 * (what a dump that timed out leaves behind), or a map after its end marker. Without the wake
 * line naming the sender, the stale dump was taken for the run's own: its counts, off by a run.
 */
class SharedDumpPairingIT {

    /** Answers the k-th SIGUSR1 with @n = k; "late" first prints @n = 1000 + k for someone else's signal. */
    private static final String FAKE_TOOL = """
            import json, signal, sys
            def emit(o):
                sys.stdout.write(json.dumps(o) + "\\n"); sys.stdout.flush()
            mode = sys.argv[1]
            waited = {signal.SIGUSR1, signal.SIGINT, signal.SIGTERM}
            signal.pthread_sigmask(signal.SIG_BLOCK, waited)
            emit({"type": "printf", "data": "fake-ready\\n"})
            k = 0
            while True:
                info = signal.sigtimedwait(waited, 1.0)
                if info is None:
                    continue
                if info.si_signo != signal.SIGUSR1:
                    break
                k += 1
                if mode == "late":
                    emit({"type": "printf", "data": "uringlab-dump-signal 1\\n"})
                    emit({"type": "map", "data": {"@n": 1000 + k}})
                    emit({"type": "map", "data": {"@zzzz_uringlab_dump_end": 1}})
                emit({"type": "printf", "data": "uringlab-dump-signal %d\\n" % info.si_pid})
                emit({"type": "map", "data": {"@n": k}})
                emit({"type": "map", "data": {"@zzzz_uringlab_dump_end": 1}})
                if mode == "unordered":
                    emit({"type": "map", "data": {"@after_the_end": k}})
            """;

    @TempDir
    Path tmp;

    private SharedProbeProcess start(String mode) throws Exception {
        Path python = Prerequisites.requireTool("python3");
        Path script = Files.writeString(tmp.resolve("fake_tool.py"), FAKE_TOOL);
        ChildProcess child = ChildProcess.start("fake", List.of(python.toString(), script.toString(), mode),
                tmp.resolve("fake.ndjson"), tmp.resolve("fake.stderr"), tmp);
        return SharedProbeProcess.attach("fake", child, tmp.resolve("fake.ndjson"), mode, Duration.ofSeconds(30),
                out -> out.contains("fake-ready"));
    }

    private static long n(BpftraceMaps maps) {
        return maps.maps().get("@n").get("");
    }

    @Test
    void aStaleDumpPrintedAfterTheSignalIsNotTakenForItsAnswer() throws Exception {
        try (SharedProbeProcess tool = start("late")) {
            for (int k = 1; k <= 6; k++) {
                BpftraceMaps maps = tool.dump(tmp.resolve("dump" + k + ".ndjson"));
                assertEquals(k, n(maps), "dump " + k + " must be the answer to its own signal, not the stale one");
                assertTrue(!maps.maps().containsKey(SharedProbeProcess.END_MAP));
            }
        }
    }

    @Test
    void aMapAfterTheEndMarkerIsRefusedInsteadOfCountedInTheNextDump() throws Exception {
        try (SharedProbeProcess tool = start("unordered")) {
            assertEquals(1, n(tool.dump(null)));
            ToolException e = assertThrows(ToolException.class, () -> tool.dump(null));
            assertTrue(e.getMessage().contains("@after_the_end printed after the end of its SIGUSR1 dump"), e.getMessage());
            assertTrue(e.getMessage().contains("--probes-per-run"), e.getMessage());
        }
    }

    @Test
    void theWakeLineIsMatchedBySender() {
        String text = "{\"type\": \"printf\", \"data\": \"uringlab-dump-signal 17\\n\"}\n"
                + "{\"type\": \"map\", \"data\": {\"@n\": 1}}\n"
                + "{\"type\": \"printf\", \"data\": \"uringlab-dump-signal 4242\\n\"}\n"
                + "{\"type\": \"map\", \"data\": {\"@n\": 2}}\n";
        int ours = SharedProbeProcess.afterWakeLine(text, 4242);
        assertTrue(text.substring(ours).startsWith("{\"type\": \"map\", \"data\": {\"@n\": 2}}"), text.substring(ours));
        assertEquals(text.indexOf("{\"type\": \"map\""), SharedProbeProcess.afterWakeLine(text, -1));
        assertEquals(-1, SharedProbeProcess.afterWakeLine(text, 99));
    }
}
