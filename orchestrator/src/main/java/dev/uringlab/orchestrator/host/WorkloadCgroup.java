package dev.uringlab.orchestrator.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A cgroup v2 directory per run holding only the measured workload, so task-scoped probes can tell
 * its events from everything else on the host (another benchmark, a background writer, the JVM).
 * Its id is the directory's inode number, which is what bpf_get_current_cgroup_id() returns.
 */
public final class WorkloadCgroup implements AutoCloseable {

    private final Path dir;
    private final long id;

    private WorkloadCgroup(Path dir, long id) {
        this.dir = dir;
        this.id = id;
    }

    /** The cgroup v2 mount (/sys/fs/cgroup, or /sys/fs/cgroup/unified on hybrid hosts), from mountinfo. */
    public static Optional<Path> mount(HostFs fs) {
        for (String line : fs.read("/proc/self/mountinfo").orElse("").split("\n")) {
            int dash = line.indexOf(" - ");
            String[] f = line.split(" ");
            if (dash > 0 && f.length > 4 && line.substring(dash + 3).startsWith("cgroup2 ")) {
                return Optional.of(fs.path(f[4]));
            }
        }
        return Optional.empty();
    }

    public static WorkloadCgroup create(HostFs fs, String name) throws HostException {
        Path root = mount(fs).orElseThrow(() -> new HostException(
                "probe_scope: workload needs a cgroup v2 hierarchy, and none is mounted "
                        + "(mount -t cgroup2 none /sys/fs/cgroup/unified, or use probe_scope: system)"));
        Path dir = root.resolve("uringlab").resolve(name);
        try {
            Files.createDirectories(dir);
            Object inode = Files.getAttribute(dir, "unix:ino");
            return new WorkloadCgroup(dir, ((Number) inode).longValue());
        } catch (IOException | UnsupportedOperationException e) {
            throw new HostException("cannot create the workload cgroup " + dir + ": " + e.getMessage()
                    + " (needs root; or use probe_scope: system)");
        }
    }

    public Path dir() {
        return dir;
    }

    public long id() {
        return id;
    }

    /** Removes the cgroup once its processes are gone (rmdir fails while any task is still in it). */
    @Override
    public void close() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        System.err.println("uringlab: warning: could not remove " + dir + " (a process is still in it)");
    }
}
