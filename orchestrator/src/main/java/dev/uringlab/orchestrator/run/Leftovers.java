package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.WorkloadCgroup;
import dev.uringlab.orchestrator.host.knob.Journal;
import dev.uringlab.orchestrator.probe.BpftraceSession;
import dev.uringlab.orchestrator.process.SweepMarker;
import dev.uringlab.orchestrator.window.BarrierDirs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a dead sweep left behind, looked for once the host lock is ours (so no live sweep owns
 * any of it): its marked children (probe tool, workload, background) are stopped, its workload
 * cgroups and probe-window socket directories removed; a probe tool running with no uringlab above it (from a version without markers)
 * and host changes whose journal was never restored are refused with the command that deals with them.
 */
public final class Leftovers {

    /** {@code cleaned}: what was found and dealt with; {@code refusals}: what stops the sweep, each with its command. */
    public record Report(List<String> cleaned, List<String> refusals) {
    }

    private static final long CGROUP_GRACE_MS = 30_000;

    private final HostFs fs;
    private final Path proc;

    public Leftovers(HostFs fs) {
        this.fs = fs;
        this.proc = fs.path("/proc");
    }

    public Report clean(Optional<Map<String, String>> previousHolder, Path resultsRoot) {
        List<String> cleaned = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        markedChildren(cleaned, refusals);
        unmarkedProbeTools(refusals);
        cgroups(cleaned);
        cleaned.addAll(BarrierDirs.removeDead(fs.path(System.getProperty("java.io.tmpdir"))));
        journals(previousHolder, resultsRoot, refusals);
        return new Report(cleaned, refusals);
    }

    private void markedChildren(List<String> cleaned, List<String> refusals) {
        java.util.Set<Long> ancestors = new java.util.HashSet<>();
        for (Optional<ProcessHandle> h = Optional.of(ProcessHandle.current()); h.isPresent(); h = h.get().parent()) {
            ancestors.add(h.get().pid());
        }
        for (SweepMarker.Marked m : SweepMarker.scan(proc)) {
            if (m.marker().equals(SweepMarker.self()) || ancestors.contains(m.pid())) {
                // This uringlab and what started it may carry an inherited marker (a Slurm task gets the
                // submitter's environment): they are not leftovers, whatever the marker says.
                continue;
            }
            if (SweepMarker.ownerAlive(m.marker())) {
                refusals.add(m.command() + " (pid " + m.pid() + ") belongs to uringlab pid " + m.ownerPid()
                        + ", which runs without the host lock; stop it: kill " + m.ownerPid());
                continue;
            }
            boolean gone = stop(m.pid());
            cleaned.add(m.command() + " (pid " + m.pid() + ") left by uringlab pid " + m.ownerPid() + ", which died: "
                    + (gone ? "stopped" : "could not be stopped (kill -9 " + m.pid() + ")"));
            if (!gone) {
                refusals.add(m.command() + " (pid " + m.pid() + ") still runs; stop it: kill -9 " + m.pid());
            }
        }
    }

    /** bpftrace or the BCC runner running a uringlab program whose parent is init: an orphan of an older uringlab. */
    private void unmarkedProbeTools(List<String> refusals) {
        List<SweepMarker.Marked> marked = SweepMarker.scan(proc);
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String cmdline = read(p.resolve("cmdline")).replace('\0', ' ').strip();
                if (uringlabProbeTool(p, cmdline) && parentIsInit(p) && marked.stream().noneMatch(m -> m.pid() == pid(p))) {
                    refusals.add("a probe tool is attached with no uringlab running it (pid " + pid(p) + ": "
                            + abbreviate(cmdline) + "); it counts and costs CPU in every run: stop it: kill " + pid(p));
                }
            }
        } catch (IOException e) {
            // no /proc to look at
        }
    }

    /**
     * The BCC runner names uringlab in its command line; bpftrace does not: uringlab runs
     * {@code bpftrace -f json probes.bt} in the session directory, so the script is read through
     * the process's cwd and known by the ready marker uringlab puts in every program it writes.
     */
    private boolean uringlabProbeTool(Path procDir, String cmdline) {
        if (cmdline.contains("uringlab_bcc") || cmdline.contains("bcc-session")) {
            return true;
        }
        String[] argv = cmdline.split(" ");
        if (!argv[0].equals("bpftrace") && !argv[0].endsWith("/bpftrace")) {
            return false;
        }
        if (cmdline.contains("uringlab")) {
            return true;
        }
        for (String arg : argv) {
            if (arg.endsWith(".bt")) {
                Path script = arg.startsWith("/") ? fs.path(arg) : procDir.resolve("cwd").resolve(arg);
                if (read(script).contains(BpftraceSession.READY_MARKER)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean parentIsInit(Path procDir) {
        String stat = read(procDir.resolve("stat"));
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return false;
        }
        String[] f = stat.substring(close + 2).split(" ");
        return f.length > 1 && f[1].equals("1");
    }

    /**
     * Workload cgroups a dead sweep left: empty ones (their processes were stopped above) are
     * removed once older than {@link #CGROUP_GRACE_MS}, so that one an older uringlab without the
     * lock has just made for its next run is not pulled from under it; busy ones are left alone.
     */
    private void cgroups(List<String> cleaned) {
        Optional<Path> mount = WorkloadCgroup.mount(fs);
        if (mount.isEmpty() || !Files.isDirectory(mount.get().resolve("uringlab"))) {
            return;
        }
        try (Stream<Path> dirs = Files.list(mount.get().resolve("uringlab"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String procs = read(dir.resolve("cgroup.procs")).strip();
                if (!procs.isEmpty()) {
                    cleaned.add("workload cgroup " + dir + " left alone: processes " + procs.replace('\n', ',')
                            + " still run in it, not from a dead sweep");
                    continue;
                }
                if (System.currentTimeMillis() - Files.getLastModifiedTime(dir).toMillis() < CGROUP_GRACE_MS) {
                    continue;
                }
                boolean removed = removeDir(dir);
                cleaned.add("workload cgroup " + dir + ": " + (removed ? "removed" : "could not be removed (rmdir " + dir + ")"));
            }
        } catch (IOException e) {
            // listing failed: nothing to report
        }
    }

    private void journals(Optional<Map<String, String>> previousHolder, Path resultsRoot, List<String> refusals) {
        Set<Path> roots = new LinkedHashSet<>();
        previousHolder.map(h -> h.get("results")).filter(r -> r != null && !r.isBlank()).map(Path::of).ifPresent(roots::add);
        roots.add(resultsRoot.toAbsolutePath().normalize());
        for (Path root : roots) {
            try {
                for (Path file : Journal.allUnder(root)) {
                    Journal journal = Journal.open(file);
                    if (!journal.pending().isEmpty()) {
                        var first = journal.pending().get(0);
                        refusals.add("host changes of a sweep that died were never undone (" + journal.pending().size()
                                + " in " + file + ", e.g. " + first.kind() + " " + first.target() + "); undo them first: uringlab restore "
                                + file);
                    }
                }
            } catch (HostException e) {
                refusals.add(e.getMessage());
            }
        }
    }

    /** SIGTERM, then SIGKILL after 2 s; true once the process is gone. */
    private static boolean stop(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty()) {
            return true;
        }
        h.get().destroy();
        try {
            h.get().onExit().get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            h.get().destroyForcibly();
            try {
                h.get().onExit().get(2, TimeUnit.SECONDS);
                return true;
            } catch (Exception e2) {
                return !h.get().isAlive();
            }
        }
    }

    private static boolean removeDir(Path dir) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                Files.deleteIfExists(dir);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static long pid(Path procDir) {
        return Long.parseLong(procDir.getFileName().toString());
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
