package dev.uringlab.orchestrator.process;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Kills this uringlab's children the moment it dies, however it dies (SIGKILL, OOM killer): a
 * small bash process, in its own session, blocks reading a pipe whose only writer is this JVM.
 * The kernel closes the pipe when the JVM goes, the read returns, and the watchdog SIGKILLs every
 * process whose environment carries this sweep's {@link SweepMarker}, twice, for children forked
 * meanwhile. It needs no thread of the JVM to survive, unlike PR_SET_PDEATHSIG.
 */
public final class Watchdog {

    static final String SCRIPT = """
            cat >/dev/null
            for pass in 1 2; do
              for env in /proc/[0-9]*/environ; do
                while IFS= read -r -d '' var; do
                  if [ "$var" = "URINGLAB_SWEEP=$1" ]; then
                    pid=${env#/proc/}; kill -KILL "${pid%/environ}" 2>/dev/null
                    break
                  fi
                done < "$env" 2>/dev/null
              done
            done
            """;

    private static Process process;
    /** Held open, never written: its closing is the signal. */
    private static OutputStream pipe;

    private Watchdog() {
    }

    /** Starts the watchdog once per JVM; later calls do nothing. */
    public static synchronized void start() throws ToolException {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            // Not marked itself, or it would kill itself before the others.
            process = new ProcessBuilder(List.of("/usr/bin/setsid", "bash", "-c", SCRIPT, "uringlab-watchdog",
                    SweepMarker.self()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            pipe = process.getOutputStream();
        } catch (IOException e) {
            throw new ToolException("cannot start the watchdog that stops children if uringlab is killed: "
                    + e.getMessage() + " (needs bash and setsid from util-linux)");
        }
    }

    public static synchronized long pid() {
        return process == null ? -1 : process.pid();
    }
}
