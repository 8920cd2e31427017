package dev.uringlab.orchestrator.slurm;

import java.util.Map;

/**
 * One job or array task as {@code scontrol show job -o} reports it. {@code arrayTaskId} is a task
 * number, or a range ("2-3", "1-3%1") for array tasks still pending together; empty for a plain job.
 *
 * @param exitCode Slurm's "code:signal", e.g. "3:0" for a uringlab that exited 3, "0:15" for SIGTERM
 */
public record SlurmJob(String jobId, String arrayJobId, String arrayTaskId, String state, String reason,
                       String exitCode, String nodeList, String stdOut) {

    static SlurmJob of(Map<String, String> f) {
        return new SlurmJob(f.getOrDefault("JobId", ""), nullToEmpty(f.get("ArrayJobId")),
                nullToEmpty(f.get("ArrayTaskId")), f.getOrDefault("JobState", "UNKNOWN"),
                nullToEmpty(f.get("Reason")), f.getOrDefault("ExitCode", ""), nullToEmpty(f.get("NodeList")),
                nullToEmpty(f.get("StdOut")));
    }

    private static String nullToEmpty(String v) {
        return v == null || v.equals("(null)") ? "" : v;
    }

    /** "12_3" for an array task, "12" for a plain job: the id scancel and squeue accept. */
    public String displayId() {
        return arrayJobId.isEmpty() || arrayTaskId.isEmpty() ? jobId : arrayJobId + "_" + arrayTaskId;
    }

    public boolean finished() {
        return !(state.equals("PENDING") || state.equals("RUNNING") || state.equals("CONFIGURING")
                || state.equals("COMPLETING") || state.equals("SUSPENDED") || state.equals("REQUEUED")
                || state.equals("RESIZING"));
    }

    public boolean failed() {
        return finished() && !state.equals("COMPLETED");
    }

    /** True when {@code task} is this record's task or inside its pending range. */
    public boolean covers(int task) {
        String range = arrayTaskId.replaceAll("%.*", "");
        for (String part : range.split(",")) {
            String[] ends = part.split("-");
            if (ends[0].isEmpty() || !ends[0].matches("\\d+")) {
                continue;
            }
            int lo = Integer.parseInt(ends[0]);
            int hi = ends.length > 1 && ends[1].matches("\\d+") ? Integer.parseInt(ends[1]) : lo;
            if (task >= lo && task <= hi) {
                return true;
            }
        }
        return false;
    }
}
