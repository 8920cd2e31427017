package dev.uringlab.orchestrator.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code URINGLAB_SWEEP=<pid>:<start ms>} in the environment of every child: the kernel keeps it
 * in /proc/PID/environ whatever becomes of the parent, so a sweep killed by SIGKILL can be found
 * from its children (by the watchdog at once, by the next sweep at its start). Linux's
 * parent-death signal cannot do this for a JVM: it follows the thread that forked, and the JVM
 * forks from whichever thread asks.
 */
public final class SweepMarker {

    public static final String NAME = "URINGLAB_SWEEP";
    private static final String SELF = ProcessHandle.current().pid() + ":"
            + ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);

    /** A live process carrying a marker; {@code command} is its name from /proc/PID/comm. */
    public record Marked(long pid, String marker, String command) {

        /** The pid of the uringlab that started it. */
        public long ownerPid() {
            return Long.parseLong(marker.substring(0, marker.indexOf(':')));
        }
    }

    private SweepMarker() {
    }

    /** This uringlab's marker. */
    public static String self() {
        return SELF;
    }

    static void mark(ProcessBuilder builder) {
        builder.environment().put(NAME, SELF);
    }

    /** True while the process that made {@code marker} is alive (same pid, same start time). */
    public static boolean ownerAlive(String marker) {
        int colon = marker.indexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(marker.substring(0, colon));
            String start = marker.substring(colon + 1);
            return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                    .map(i -> Long.toString(i.toEpochMilli()).equals(start)).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Every process under {@code procRoot} whose environment carries a marker. */
    public static List<Marked> scan(Path procRoot) {
        List<Marked> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(procRoot)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                markerOf(p).ifPresent(m -> found.add(new Marked(Long.parseLong(p.getFileName().toString()), m,
                        read(p.resolve("comm")).strip())));
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** The marker in the environment of the process at {@code procDir} (a /proc/PID directory), if any. */
    public static Optional<String> markerOf(Path procDir) {
        String prefix = NAME + "=";
        for (String var : read(procDir.resolve("environ")).split("\0")) {
            if (var.startsWith(prefix)) {
                return Optional.of(var.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // gone, or another user's process
        }
    }
}
