package dev.uringlab.orchestrator.slurm;

import java.nio.file.Path;

/**
 * One task of a submission as status and collect show it: Slurm's state and reason while Slurm
 * remembers the job, else what the task's own state file says; progress counted from the runs on disk.
 *
 * @param id     "12_3" (spread array task) or "12_node7" (replicate: job and host)
 * @param reason Slurm's reason and the task's own last word, e.g. "NonZeroExitCode; a tool … is missing"
 */
public record TaskStatus(String id, String host, String state, String reason, String exitCode, int done, int total,
                         Path log, String logTail) {

    /** A failed task whose runs all finished later (a resubmission resumed it) is no longer a problem. */
    public boolean resumed() {
        return total > 0 && done >= total;
    }

    public boolean failed() {
        if (resumed()) {
            return false;
        }
        return switch (state) {
            case "COMPLETED", "PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED", "SUSPENDED" -> false;
            default -> true;
        };
    }
}
