package dev.uringlab.orchestrator.host.knob;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JVM changing a fake host is killed with SIGKILL mid-way; a restore from its journal brings every knob back. */
class KillRestoreTest {

    @TempDir
    Path dir;

    private static Process java(Class<?> main, List<String> args, Path hostRoot) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (hostRoot != null) {
            pb.environment().put("URINGLAB_HOST_ROOT", hostRoot.toString());
        }
        return pb.start();
    }

    /** Reads the child's output until {@code line} appears; returns everything read. */
    private static String waitFor(Process p, String line) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String l;
        while ((l = r.readLine()) != null) {
            seen.append(l).append('\n');
            if (l.equals(line)) {
                return seen.toString();
            }
        }
        throw new AssertionError("child ended before '" + line + "': " + seen);
    }

    @Test
    void sigkillMidSweepThenRestoreFromTheJournal() throws Exception {
        FakeHost host = FakeHost.server(dir).unmountData();
        String before = host.hash();
        Path results = dir.resolve("results");
        Process child = java(SlowApplier.class, List.of(host.root.toString(), results.toString()), null);
        waitFor(child, "applied 4");
        child.destroyForcibly(); // SIGKILL: no hook, no finally
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertNotEquals(before, host.hash(), "the child had changed the host");
        Journal journal = Journal.open(Journal.newestUnder(results).orElseThrow());
        assertTrue(journal.pending().size() >= 4, journal.entries().toString());
        Restorer.Report report = Restorer.restore(journal, host.ctx());
        assertTrue(report.ok(), report.failures().toString());
        assertEquals(before, host.hash());
    }

    @Test
    void sigkillThenTheRestoreCommandUnderUringlabHostRootIsIdempotent() throws Exception {
        FakeHost host = FakeHost.server(dir);
        String before = host.hash();
        Path results = dir.resolve("results");
        Process child = java(SlowApplier.class, List.of(host.root.toString(), results.toString(), "files-only"), null);
        waitFor(child, "applied 3");
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
        assertNotEquals(before, host.hash());
        Process restore = java(RestoreCli.class, List.of("--results", results.toString()), host.root);
        String out = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(restore.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, restore.exitValue(), out);
        assertTrue(out.startsWith("restored "), out);
        assertEquals(before, host.hash());
        Process again = java(RestoreCli.class, List.of("--results", results.toString()), host.root);
        String out2 = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue(), out2);
        assertTrue(out2.startsWith("nothing to restore in "), out2);
        assertEquals(before, host.hash());
    }

    @Test
    void sigtermRestoresThroughTheShutdownHook() throws Exception {
        FakeHost host = FakeHost.server(dir).unmountData();
        String before = host.hash();
        Process child = java(SlowApplier.class, List.of(host.root.toString(), dir.resolve("results").toString()), null);
        waitFor(child, "all applied");
        assertNotEquals(before, host.hash());
        // Process.destroy() would close our end of its output; kill(1) sends the same SIGTERM and leaves it open.
        new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();
        String rest = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(rest.contains("uringlab: host restored"), rest);
        assertEquals(before, host.hash());
    }
}
