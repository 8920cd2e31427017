package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.RingbenchRules;
import dev.uringlab.orchestrator.config.WorkloadSchema;
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

    /** fio silently ignores io_uring options on other engines: refuse rather than measure the wrong thing. */
    private static Optional<String> fioEngineOptions(java.util.Map<String, Object> options) {
        Object engine = options.get("engine");
        if ("io_uring".equals(engine)) {
            return Optional.empty();
        }
        for (String option : WorkloadSchema.IO_URING_ONLY) {
            if (option.equals("sqthread_poll_cpu")) {
                continue; // only read with sqthread_poll, which is itself refused here
            }
            Object value = options.get(option);
            if (value != null && !Boolean.FALSE.equals(value) && !Long.valueOf(0).equals(value)) {
                return Optional.of("workload." + option + " applies only to engine io_uring, not " + engine
                        + " (zip it with engine, or use exclude)");
            }
        }
        return Optional.empty();
    }

    static Optional<String> refusal(WorkloadSpec workload) {
        try {
            switch (workload.kind()) {
                case "ringbench" -> {
                    return RingbenchRules.violation(workload.options());
                }
                case "fio" -> {
                    return fioEngineOptions(workload.options());
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
