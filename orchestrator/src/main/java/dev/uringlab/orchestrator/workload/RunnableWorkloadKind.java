package dev.uringlab.orchestrator.workload;

import dev.uringlab.orchestrator.config.WorkloadKind;
import dev.uringlab.orchestrator.process.ToolException;

/**
 * A workload kind with its runtime half: the {@link Workload} it runs (whose preflight names the
 * missing tool). One object per kind, registered in {@link WorkloadKinds}; adding a kind or an
 * option touches that kind's files and the registry's list only.
 */
public interface RunnableWorkloadKind extends WorkloadKind {

    /** The workload for this host; fails with the one-line reason when its tool cannot even be located. */
    Workload create() throws ToolException;
}
