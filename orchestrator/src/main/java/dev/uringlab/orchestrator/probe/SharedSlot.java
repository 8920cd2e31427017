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

    synchronized void begin(Path dir) {
        end();
        experimentDir = dir;
    }

    synchronized void end() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        experimentDir = null;
    }

    synchronized boolean inExperiment() {
        return experimentDir != null;
    }

    synchronized Path experimentDir() {
        return experimentDir;
    }

    /** The process counting {@code identity}: the running one if it still does and is alive, else a new one. */
    synchronized SharedProbeProcess get(String identity, Starter starter) throws ToolException {
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
