package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.RingbenchRules;
import dev.uringlab.orchestrator.config.WorkloadSpec;
import dev.uringlab.orchestrator.workload.CommandSpec;
import dev.uringlab.orchestrator.workload.DbBenchSpec;

import java.util.Optional;

/**
 * Per-run checks of a workload's effective options, for what the loader cannot see alone: flag
 * combinations the kernel refuses (ringbench) and free-form options whose own spec validates them.
 */
final class WorkloadChecks {

    private WorkloadChecks() {
    }

    static Optional<String> refusal(WorkloadSpec workload) {
        try {
            switch (workload.kind()) {
                case "ringbench" -> {
                    return RingbenchRules.violation(workload.options());
                }
                case "db_bench" -> DbBenchSpec.from(workload.options());
                case "command" -> CommandSpec.from(workload.options());
                default -> {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }
}
