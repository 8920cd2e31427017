package dev.uringlab.orchestrator.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An external tool run with its stdout and stderr drained to files (never to pipes that can
 * fill and stall it), stopped in steps (SIGINT, SIGTERM, SIGKILL) and never left running:
 * every live child is stopped by a JVM shutdown hook too, so Ctrl-C leaves no fio or bpftrace behind.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean shutdownRequested;
    private static final ThreadLocal<Path> CGROUP = new ThreadLocal<>();
    private static final String SETSID = "/usr/bin/setsid";

    static {
        // One hook, in this order: the flag first, so a run whose tool exits because we stopped it
        // is never mistaken for a finished run; then the children.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdownRequested = true;
            stopAllLive();
        }, "uringlab-child-reaper"));
    }

    /** True once the JVM is shutting down (Ctrl-C, SIGTERM): results seen after this are not to be trusted. */
    public static boolean shutdownRequested() {
        return shutdownRequested;
    }

    private final String tool;
    private final List<String> command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildProcess(String tool, List<String> command, Process process, Path stdout, Path stderr) {
        this.tool = tool;
        this.command = command;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code command}; {@code tool} is the short name used in error messages.
     * stdout and stderr go to the given files (created or truncated).
     */
    public static ChildProcess start(String tool, List<String> command, Path stdout, Path stderr, Path workDir)
            throws ToolException {
        // Children get their own session: a terminal's Ctrl-C then reaches only uringlab, which
        // stops them in order (bpftrace after the workload) instead of all at once.
        List<String> argv = new ArrayList<>();
        if (Files.isExecutable(Path.of(SETSID))) {
            argv.add(SETSID);
        }
        Path cgroup = CGROUP.get();
        if (cgroup != null) {
            // Joins the cgroup before exec, so the tool and every thread and io-wq worker it makes are in it.
            argv.addAll(List.of("sh", "-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", cgroup.toString()));
        }
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        SweepMarker.mark(builder);
        try {
            Process process = builder.start();
            ChildProcess child = new ChildProcess(tool, List.copyOf(command), process, stdout, stderr);
            LIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new ToolException(tool + ": cannot start " + command.get(0) + ": " + e.getMessage()
                    + " (is it installed and on PATH?)");
        }
    }

    /** A piece of work whose child processes all start inside {@code cgroupDir} (a cgroup v2 directory). */
    public interface InCgroup<T> {
        T run() throws ToolException, InterruptedException;
    }

    /** Runs {@code work} with every child started on this thread placed in {@code cgroupDir} (null: none). */
    public static <T> T inCgroup(Path cgroupDir, InCgroup<T> work) throws ToolException, InterruptedException {
        Path previous = CGROUP.get();
        CGROUP.set(cgroupDir);
        try {
            return work.run();
        } finally {
            CGROUP.set(previous);
        }
    }

    public String tool() {
        return tool;
    }

    public List<String> command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    public Path stdoutFile() {
        return stdout;
    }

    public Path stderrFile() {
        return stderr;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for exit; returns the exit code, or empty when the timeout passed first. */
    public java.util.OptionalInt waitFor(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LIVE.remove(this);
            return java.util.OptionalInt.of(process.exitValue());
        }
        return java.util.OptionalInt.empty();
    }

    /**
     * Sends {@code signal}; returns the pid of the process that sent it, so a tool that logs who
     * signalled it can tell our signals from others' (the JVM's {@link Signaller} shell, the same
     * for every signal; a {@code kill} child when that shell is unavailable), or -1 when none was
     * sent that way.
     */
    public long signal(String signal) {
        if (!process.isAlive()) {
            return -1;
        }
        Signaller signaller = Signaller.shared();
        if (signaller != null) {
            try {
                return signaller.send(signal, process.pid());
            } catch (IOException e) {
                // The shell is gone (killed by someone): kill(1) below; the next call starts another.
            }
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
            return kill.pid();
        } catch (IOException e) {
            // kill(1) missing: fall back to what the JDK can send.
            if ("KILL".equals(signal)) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /**
     * Stops the process politely first: SIGINT (bpftrace prints its maps, fio writes its
     * report), then SIGTERM, then SIGKILL, each after {@code grace}. Returns the exit code.
     */
    public int stop(Duration grace) {
        String[] steps = {"INT", "TERM", "KILL"};
        for (String step : steps) {
            if (!process.isAlive()) {
                break;
            }
            signal(step);
            try {
                if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                break;
            }
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LIVE.remove(this);
        return process.isAlive() ? -1 : process.exitValue();
    }

    /**
     * SIGKILL at once, for a tool whose output is no longer wanted: a probe process whose maps were
     * all read already spends SIGINT's extra time printing them again. Returns the exit code, -1 if
     * it is still there after {@code wait} (the kernel detaching its probes takes most of a second).
     */
    public int kill(Duration wait) {
        if (process.isAlive()) {
            signal("KILL");
        }
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        LIVE.remove(this);
        return process.exitValue();
    }

    /** The last lines of stderr, joined into one line, for error messages. */
    public String stderrTail(int lines) {
        return tail(stderr, lines);
    }

    public static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0 && kept.size() < lines; i--) {
                String line = all.get(i).strip();
                if (!line.isEmpty()) {
                    kept.add(line);
                }
            }
            Collections.reverse(kept);
            return String.join(" | ", kept);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(2));
        }
        LIVE.remove(this);
    }

    static void stopAllLive() {
        for (ChildProcess child : List.copyOf(LIVE)) {
            child.stop(Duration.ofSeconds(2));
        }
    }
}
