package dev.uringlab.orchestrator.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends signals through one long-lived shell whose {@code kill} is a builtin. Java 17 cannot send
 * a signal other than TERM and KILL itself, and a fork and exec of kill(1) costs this JVM about
 * 2.2 ms, while a line through the shell's pipe costs about 0.1 ms (measured on the lab VM); a
 * shared probe process is signalled four times per run, twice while the workload waits.
 *
 * <p>The shell reads until its stdin closes, so it ends with the JVM however the JVM ends. It
 * carries no {@link SweepMarker}: it measures and changes nothing, and another uringlab (a test's,
 * a {@code plot}'s) that keeps one must not look like a sweep running without the host lock.
 * Every signal is sent by the same process: whoever matches a tool's answer to "its" signal by
 * the sender's pid must not also rely on the pid to tell two of our signals apart.
 */
final class Signaller {

    private static final String LOOP = "while read -r s p; do kill -\"$s\" \"$p\" 2>/dev/null; echo \"$?\"; done";

    private static Signaller shared;
    private static boolean unavailable;

    private final Process shell;
    private final OutputStream commands;
    private final BufferedReader answers;

    private Signaller(Process shell) {
        this.shell = shell;
        this.commands = shell.getOutputStream();
        this.answers = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** The JVM's signaller, started on first use; null when no shell can be started (callers fall back to kill(1)). */
    static synchronized Signaller shared() {
        if (shared != null && shared.shell.isAlive()) {
            return shared;
        }
        shared = null;
        if (unavailable) {
            return null;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", LOOP)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            shared = new Signaller(builder.start());
            return shared;
        } catch (IOException e) {
            unavailable = true;
            return null;
        }
    }

    /**
     * Sends {@code signal} (a name without SIG, e.g. USR1) to {@code pid}; returns the sender's pid
     * when kill succeeded, -1 when it did not (no such process), or throws when the shell is gone.
     */
    synchronized long send(String signal, long pid) throws IOException {
        if (!signal.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("not a signal name: " + signal);
        }
        commands.write((signal + " " + pid + "\n").getBytes(StandardCharsets.US_ASCII));
        commands.flush();
        String status = answers.readLine();
        if (status == null) {
            throw new IOException("the signalling shell (pid " + shell.pid() + ") exited");
        }
        return "0".equals(status.strip()) ? shell.pid() : -1;
    }

    long pid() {
        return shell.pid();
    }
}
