package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.ExperimentFile;

import java.util.List;

/** Everything a sweep will do, computed without touching the host. */
public record Plan(ExperimentFile file, List<ExperimentPlan> experiments) {
    public Plan {
        experiments = List.copyOf(experiments);
    }

    public int totalRuns() {
        return experiments.stream().mapToInt(e -> e.runs().size()).sum();
    }
}
