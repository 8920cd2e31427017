package dev.uringlab.orchestrator.probe;

import java.util.Set;

/**
 * Limits task-scoped probes to the workload: its processes run in one cgroup v2 whose id (the
 * cgroup directory's inode, what bpftrace's {@code cgroup} and bpf_get_current_cgroup_id() return)
 * is compared in each probe's predicate.
 *
 * @param taskProbes ids of the probes whose events fire in the workload's tasks (@scope: task)
 */
public record WorkloadScope(long cgroupId, Set<String> taskProbes) {
    public WorkloadScope {
        taskProbes = Set.copyOf(taskProbes);
    }

    /** The bpftrace condition for task-scoped probes. */
    public String bpftraceCondition() {
        return "cgroup == " + cgroupId;
    }
}
