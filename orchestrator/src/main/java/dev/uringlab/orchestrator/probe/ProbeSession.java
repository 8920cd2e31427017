package dev.uringlab.orchestrator.probe;

import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.process.ToolException;

import java.nio.file.Path;

/**
 * Probes attached for one run, whichever backend runs them. A session exists only once every
 * probe is attached; {@link #stop} ends it and returns the maps in bpftrace's naming
 * ({@code @<id>}, {@code @<id>_<suffix>}), so {@link BpftraceMaps#byProbe} works for both.
 */
public interface ProbeSession extends AutoCloseable {

    long pid();

    /** True when {@link #dump} works: the tool prints its maps on SIGUSR1 and keeps counting. */
    default boolean dumps() {
        return false;
    }

    /** Every map as counted so far, while the probes keep counting; {@code raw} keeps the dump's text. */
    default BpftraceMaps dump(Path raw) throws ToolException {
        throw new ToolException("this probe session cannot print its maps while it runs");
    }

    BpftraceMaps stop() throws ToolException;

    /** Stops the tool if still running, without reading maps (error paths). */
    @Override
    void close();

    /** How a session's maps are read at its end. */
    @FunctionalInterface
    interface Stop {
        BpftraceMaps stop() throws ToolException;
    }

    static ProbeSession of(long pid, Stop stop, Runnable close) {
        return new ProbeSession() {
            @Override
            public long pid() {
                return pid;
            }

            @Override
            public BpftraceMaps stop() throws ToolException {
                return stop.stop();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
