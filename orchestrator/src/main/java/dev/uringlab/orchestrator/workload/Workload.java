package dev.uringlab.orchestrator.workload;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.process.ToolException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A workload tool behind one interface: a preflight check, then pinned, time-bounded runs. */
public interface Workload {

    /** Fails with a one-line message naming the missing tool and how to install it. */
    void preflight() throws ToolException;

    /** The tool's version for the manifest, e.g. "fio-3.33". */
    String version();

    /**
     * Work the run needs but must not measure (db_bench's fill), done before probes attach.
     */
    default void prepare(RunSpec run, String targetPath) throws ToolException, InterruptedException {
    }

    /** Per-iteration values the tool kept beside its summary (ringbench stall latencies), read after {@link #run}. */
    default Map<String, List<Double>> samples(Path runDir) {
        return Map.of();
    }

    /**
     * Runs {@code run} pinned to its CPUs against {@code targetPath}, keeping the tool's raw
     * output in {@code runDir}; returns normalized metrics or throws with the tool's own error.
     */
    Metrics run(RunSpec run, String targetPath, Path runDir) throws ToolException, InterruptedException;

    /**
     * How many workers of {@code run} will each say, through an {@code IoBarrier}, that their I/O
     * begins and has ended (fio: one per job); 0 when this workload cannot tell, and its probes then
     * count over its whole process, start-up and exit included.
     */
    default int ioWindowJobs(RunSpec run) {
        return 0;
    }

    /**
     * {@link #run}, with each worker connecting to the barrier at {@code barrierSocket} right before
     * its first I/O and right after its last, and waiting for the answer. Only called when
     * {@link #ioWindowJobs} is above 0.
     */
    default Metrics run(RunSpec run, String targetPath, Path runDir, Path barrierSocket)
            throws ToolException, InterruptedException {
        return run(run, targetPath, runDir);
    }
}
