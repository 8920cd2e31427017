package dev.uringlab.orchestrator.window;

import dev.uringlab.orchestrator.process.ToolException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The I/O window's edges as the barrier moves them: the dumps, and readings that must cover the
 * same interval as the counts (BPF run-time stats, host CPU time). While the workload waits at the
 * barrier nothing of its own happens, so readings taken after the opening dump and before the
 * closing one bracket exactly its I/O, as the dumps do.
 */
final class EdgeReadings implements IoWindow {

    private final IoWindow dumps;
    private final List<Runnable[]> readings = new CopyOnWriteArrayList<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    EdgeReadings(IoWindow dumps) {
        this.dumps = dumps;
    }

    /** Adds a reading taken at each edge; must be added before the workload starts. */
    void follow(Runnable atOpen, Runnable atClose) {
        readings.add(new Runnable[] {atOpen, atClose});
    }

    @Override
    public void open() throws ToolException {
        dumps.open();
        readings.forEach(r -> read(r[0], "opening"));
    }

    @Override
    public void close() throws ToolException {
        readings.forEach(r -> read(r[1], "closing"));
        dumps.close();
    }

    /** Readings that failed: the run keeps its counts, with a warning that a cost figure is off. */
    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    private void read(Runnable reading, String edge) {
        try {
            reading.run();
        } catch (RuntimeException e) {
            // A reading must not fail the workload's barrier: its counts are still right.
            failures.add("probe window: a reading at the " + edge + " edge failed (" + e + "); probe-cost or host-CPU"
                    + " figures may cover a different interval than the counts");
        }
    }
}
