package dev.uringlab.orchestrator.workload;

import dev.uringlab.orchestrator.config.KindRegistry;
import dev.uringlab.orchestrator.workload.command.CommandKind;
import dev.uringlab.orchestrator.workload.dbbench.DbBenchKind;
import dev.uringlab.orchestrator.workload.fio.FioKind;
import dev.uringlab.orchestrator.workload.ringbench.RingbenchKind;

import java.util.List;

/** The built-in workload kinds, handed to the experiment loader and used by preflight. */
public final class WorkloadKinds {

    public static final KindRegistry<RunnableWorkloadKind> BUILT_IN = new KindRegistry<>(List.of(
            new FioKind(), new RingbenchKind(), new DbBenchKind(), new CommandKind()));

    private WorkloadKinds() {
    }
}
