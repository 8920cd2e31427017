package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.process.ToolException;

import java.nio.file.Path;

/**
 * What a backend keeps between the runs of an experiment: the experiment's directory and the
 * probe process attached for it. A run asking for other probes (a kprobe fell back, the IRQ
 * layout changed) replaces the process; the experiment's end stops it.
 */
final class SharedSlot {

    /** A backend that keeps its tool attached across an experiment's runs in a {@link SharedSlot}. */
    abstract static class Backend implements ProbeBackend {

        final SharedSlot slot = new SharedSlot();

        @Override
        public void beginExperiment(Path dir) {
            slot.begin(dir);
        }

        @Override
        public void endExperiment() {
            slot.end();
        }
    }

    /** Starts the tool for the experiment in {@code experimentDir}, returning once its probes are attached. */
    @FunctionalInterface
    interface Starter {
        SharedProbeProcess start(Path experimentDir) throws ToolException;
    }

    private Path experimentDir;
    private SharedProbeProcess shared;
    /** A start begun ahead of the first run ({@link #startEarly}), not yet taken by {@link #get}. */
    private Early early;

    private record Early(String identity, java.util.concurrent.FutureTask<SharedProbeProcess> task) {
    }

    synchronized void begin(Path dir) {
        end();
        experimentDir = dir;
    }

    synchronized void end() {
        SharedProbeProcess started = takeEarly();
        if (started != null) {
            started.close();
        }
        if (shared != null) {
            shared.close();
            shared = null;
        }
        experimentDir = null;
    }

    /**
     * Compiles and attaches the tool for {@code identity} on a thread of its own, while the sweep
     * prepares the experiment's first run; {@link #get} of the same identity waits for it (and
     * gets its error, if it failed, exactly as if it had started it itself).
     */
    synchronized void startEarly(String identity, Starter starter) {
        if (experimentDir == null || shared != null || early != null) {
            return;
        }
        Path dir = experimentDir;
        java.util.concurrent.FutureTask<SharedProbeProcess> task = new java.util.concurrent.FutureTask<>(() -> starter.start(dir));
        Thread t = new Thread(task, "uringlab-probe-start");
        t.setDaemon(true);
        t.start();
        early = new Early(identity, task);
    }

    /** The early start's process once it is attached; null if there was none or it failed (its error is dropped). */
    private SharedProbeProcess takeEarly() {
        try {
            return awaitEarly();
        } catch (ToolException e) {
            return null;
        }
    }

    private SharedProbeProcess awaitEarly() throws ToolException {
        if (early == null) {
            return null;
        }
        java.util.concurrent.FutureTask<SharedProbeProcess> task = early.task();
        early = null;
        try {
            return task.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof ToolException t) {
                throw t;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Stopping: the watchdog and the sweep's shutdown stop the tool if it attached meanwhile.
            throw new ToolException("interrupted while the probes compiled and attached", e);
        }
    }

    synchronized boolean inExperiment() {
        return experimentDir != null;
    }

    synchronized Path experimentDir() {
        return experimentDir;
    }

    /** The process counting {@code identity}: the running one if it still does and is alive, else a new one. */
    synchronized SharedProbeProcess get(String identity, Starter starter) throws ToolException {
        if (early != null) {
            boolean same = early.identity().equals(identity);
            SharedProbeProcess started = same ? awaitEarly() : takeEarly();
            if (same) {
                shared = started;
            } else if (started != null) {
                started.close();
            }
        }
        if (shared == null || !shared.isAlive() || !shared.identity().equals(identity)) {
            if (shared != null) {
                shared.close();
                shared = null;
            }
            shared = starter.start(experimentDir);
        }
        return shared;
    }
}
