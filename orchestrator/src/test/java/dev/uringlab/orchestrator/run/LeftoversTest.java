package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.knob.Journal;
import dev.uringlab.orchestrator.process.SweepMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a dead sweep left, found in a /proc tree recorded from real processes (src/test/fixtures/leftovers). */
class LeftoversTest {

    private static final Path FIXTURE = Path.of("src/test/fixtures/leftovers");

    @TempDir
    Path root;

    /** The recorded tree, copied (links kept) so the clean-up can change it. */
    private HostFs host() throws IOException {
        try (Stream<Path> walk = Files.walk(FIXTURE)) {
            for (Path from : walk.toList()) {
                Path to = root.resolve(FIXTURE.relativize(from).toString());
                if (Files.isSymbolicLink(from)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(from));
                } else if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return new HostFs(root);
    }

    /** A workload cgroup as a dead sweep leaves it; the real one has control files, which rmdir ignores, a copy cannot. */
    private Path cgroup(String name, String procs, Instant modified) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/fs/cgroup/unified/uringlab").resolve(name));
        if (procs != null) {
            Files.writeString(dir.resolve("cgroup.procs"), procs);
        }
        Files.setLastModifiedTime(dir, FileTime.from(modified));
        return dir;
    }

    @Test
    void aDeadSweepsMarkedChildIsStoppedAndItsEmptyOldCgroupRemoved() throws Exception {
        HostFs fs = host();
        Path stale = cgroup("it_r1_0123abcd", null, Instant.now().minusSeconds(120));
        Path busy = cgroup("it_r2_4567cdef", "4194402\n", Instant.now().minusSeconds(120));
        Path fresh = cgroup("it_r3_89abcdef", null, Instant.now());

        Leftovers.Report report = new Leftovers(fs).clean(Optional.empty(), root.resolve("results"));

        assertEquals(List.of(
                "sleep (pid 4194402) left by uringlab pid 4194300, which died: stopped",
                "workload cgroup " + busy + " left alone: processes 4194402 still run in it, not from a dead sweep",
                "workload cgroup " + stale + ": removed"), sorted(report.cleaned(), "sleep", "workload cgroup " + busy));
        assertFalse(Files.exists(stale));
        assertTrue(Files.isDirectory(busy));
        assertTrue(Files.isDirectory(fresh), "made seconds ago: maybe an older uringlab's next run, left for now");
    }

    @Test
    void anOrphanedUringlabBpftraceIsRefusedByItsScriptNotItsCommandLine() throws Exception {
        Leftovers.Report report = new Leftovers(host()).clean(Optional.empty(), root.resolve("results"));
        // 4194403 runs the same command on someone else's probes.bt: not ours to stop.
        assertEquals(List.of("a probe tool is attached with no uringlab running it (pid 4194401: bpftrace -f json"
                + " probes.bt); it counts and costs CPU in every run: stop it: kill 4194401"), report.refusals());
    }

    @Test
    void aLiveOwnerWithoutTheLockIsRefusedNotKilled() throws Exception {
        HostFs fs = host();
        // The marker of a live process that is not this JVM nor its ancestor: this JVM's own child.
        Process owner = new ProcessBuilder("sleep", "30").start();
        try {
            String marker = owner.pid() + ":" + owner.toHandle().info().startInstant().orElseThrow().toEpochMilli();
            Path dir = Files.createDirectories(root.resolve("proc/4194404"));
            Files.writeString(dir.resolve("comm"), "fio\n");
            Files.writeString(dir.resolve("environ"), "PATH=/usr/bin\0URINGLAB_SWEEP=" + marker + "\0",
                    StandardCharsets.UTF_8);
            Leftovers.Report report = new Leftovers(fs).clean(Optional.empty(), root.resolve("results"));
            assertTrue(report.refusals().contains("fio (pid 4194404) belongs to uringlab pid " + owner.pid()
                    + ", which runs without the host lock; stop it: kill " + owner.pid()), report.toString());
            assertTrue(owner.isAlive());
        } finally {
            owner.destroy();
        }
    }

    @Test
    void anUnrestoredJournalOfThePreviousHolderIsRefusedWithTheRestoreCommand() throws Exception {
        HostFs fs = host();
        Path elsewhere = root.resolve("old-results/irq-locality");
        Journal journal = Journal.create(elsewhere, root);
        journal.append("bpf-stats", "/proc/sys/kernel/bpf_stats_enabled", "0", "1", Map.of());
        Journal restored = Journal.create(root.resolve("results/x"), root);
        restored.markRestored(restored.append("sysctl", "/proc/sys/vm/drop_caches", "0", "3", Map.of()).seq());

        Leftovers.Report report = new Leftovers(fs).clean(Optional.of(Map.of("pid", "4194300",
                "results", root.resolve("old-results").toString())), root.resolve("results"));

        assertTrue(report.refusals().contains("host changes of a sweep that died were never undone (1 in " + journal.file()
                + ", e.g. bpf-stats /proc/sys/kernel/bpf_stats_enabled); undo them first: uringlab restore "
                + journal.file()), report.refusals().toString());
        assertEquals(2, report.refusals().size(), "the orphaned bpftrace and this journal; the restored one is done");
    }

    @Test
    void noCgroupV2MountedMeansNoCgroupToClean() throws Exception {
        HostFs fs = host();
        Files.writeString(root.resolve("proc/self/mountinfo"), "22 27 0:21 / /proc rw,relatime - proc proc rw\n");
        Path stale = cgroup("it_r1_0123abcd", null, Instant.now().minusSeconds(120));
        Leftovers.Report report = new Leftovers(fs).clean(Optional.empty(), root.resolve("results"));
        assertTrue(report.cleaned().stream().noneMatch(c -> c.startsWith("workload cgroup")), report.toString());
        assertTrue(Files.isDirectory(stale));
    }

    @Test
    void probeWindowSocketDirectoriesOfDeadOwnersAreRemovedLiveOnesKept() throws Exception {
        HostFs fs = host();
        Path tmp = Files.createDirectories(fs.path(System.getProperty("java.io.tmpdir")));
        Process live = new ProcessBuilder("sleep", "30").start();
        try {
            long liveStart = live.toHandle().info().startInstant().orElseThrow().toEpochMilli();
            Path dead = barrierDir(tmp, "uringlab-barrier-4194300-1764374400000-8812", true);
            Path deadEmpty = barrierDir(tmp, "uringlab-barrier-4194300-1764374400000-17", false);
            Path reused = barrierDir(tmp, "uringlab-barrier-" + live.pid() + "-" + (liveStart - 5000) + "-3", true);
            Path alive = barrierDir(tmp, "uringlab-barrier-" + live.pid() + "-" + liveStart + "-4", true);
            Path mine = barrierDir(tmp, "uringlab-barrier-" + SweepMarker.self().replace(':', '-') + "-5", true);
            Path oldEmpty = barrierDir(tmp, "uringlab-barrier-1234567890123", false);
            Files.setLastModifiedTime(oldEmpty, FileTime.from(Instant.now().minusSeconds(120)));
            Path oldFresh = barrierDir(tmp, "uringlab-barrier-1234567890124", false);
            Path oldBound = barrierDir(tmp, "uringlab-barrier-1234567890125", true);
            Files.setLastModifiedTime(oldBound, FileTime.from(Instant.now().minusSeconds(120)));

            Leftovers.Report report = new Leftovers(fs).clean(Optional.empty(), root.resolve("results"));

            for (Path gone : List.of(dead, deadEmpty, reused)) {
                assertFalse(Files.exists(gone), gone.toString());
                assertTrue(report.cleaned().contains("probe-window socket directory " + gone + " left by uringlab pid "
                        + gone.getFileName().toString().split("-")[2] + ", which died: removed"), report.toString());
            }
            assertFalse(Files.exists(oldEmpty));
            assertTrue(report.cleaned().contains("empty probe-window socket directory " + oldEmpty + " of an earlier uringlab: removed"),
                    report.toString());
            for (Path kept : List.of(alive, mine, oldFresh, oldBound)) {
                assertTrue(Files.isDirectory(kept), "a live owner's, or one whose owner is unknown and may be live: " + kept);
            }
            assertTrue(Files.exists(alive.resolve("barrier.sock")));
            assertTrue(report.refusals().stream().noneMatch(r -> r.contains("barrier")), report.toString());
        } finally {
            live.destroy();
        }
    }

    private static Path barrierDir(Path tmp, String name, boolean socket) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        if (socket) {
            Files.writeString(dir.resolve("barrier.sock"), ""); // stands in for the socket: removed the same way
        }
        return dir;
    }

    /** The report in a fixed order (the directory listing's order is the file system's). */
    private static List<String> sorted(List<String> lines, String... first) {
        return lines.stream().sorted((a, b) -> Integer.compare(rank(a, first), rank(b, first))).toList();
    }

    private static int rank(String line, String... first) {
        for (int i = 0; i < first.length; i++) {
            if (line.startsWith(first[i])) {
                return i;
            }
        }
        return first.length;
    }
}
