package dev.uringlab.orchestrator.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Gatekeeper for integration tests that need real tools or privileges: what the README's commands
 * install or set up (bpftrace, fio, BCC and kernel headers, ringbench's build, a mounted tracefs)
 * and root. A developer laptop without bpftrace skips them with a printed reason; CI (env CI=true)
 * must never silently skip, so there a missing prerequisite fails the test. A property of the host
 * that no install provides (a cpuidle driver, kprobes, movable IRQs, a CPU free of the disk's
 * interrupts, cgroup v2) does not belong here: see {@link HostCapability}.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** Returns the tool's absolute path, or skips/fails when it is not on PATH. */
    public static Path requireTool(String name) {
        Optional<Path> found = findOnPath(name);
        if (found.isEmpty()) {
            unmet(name + " not found on PATH");
        }
        return found.orElseThrow();
    }

    public static void requireRoot() {
        String uid = System.getProperty("user.name");
        if (!isRoot()) {
            unmet("needs root (running as " + uid + ")");
        }
    }

    /** For a setup step of the README's commands that one test needs, e.g. "tracefs mounted" (make test mounts it). */
    public static void require(boolean condition, String reasonWhenMissing) {
        if (!condition) {
            unmet(reasonWhenMissing);
        }
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static void unmet(String reason) {
        if (inCi()) {
            fail("prerequisite missing in CI (CI=true): " + reason);
        }
        System.out.println("SKIPPED (prerequisite missing): " + reason);
        Assumptions.abort(reason);
    }

    private static boolean isRoot() {
        try {
            // /proc/self/status "Uid: real effective ...": the effective uid decides; avoids a native call or spawning id(1).
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
