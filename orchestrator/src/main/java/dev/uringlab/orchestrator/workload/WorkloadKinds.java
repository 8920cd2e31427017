package dev.uringlab.orchestrator.workload;

import dev.uringlab.orchestrator.config.KindRegistry;

import java.util.List;

/** The built-in workload kinds, handed to the experiment loader and used by preflight. */
public final class WorkloadKinds {

    public static final KindRegistry<RunnableWorkloadKind> BUILT_IN = new KindRegistry<>(List.of(
            new FioKind(), new RingbenchKind(), new DbBenchKind(), new CommandKind()));

    private WorkloadKinds() {
    }
}
