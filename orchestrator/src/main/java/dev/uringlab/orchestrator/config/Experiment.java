package dev.uringlab.orchestrator.config;

import dev.uringlab.analysis.plot.PlotSpec;

import java.util.List;
import java.util.Map;

/**
 * One experiment after defaults, overrides and validation. Values in {@code workload.options()}
 * and sweep axes are Long, Boolean or String, already checked against the workload's schema.
 */
public record Experiment(
        String name,
        String description,
        WorkloadSpec workload,
        TargetSpec target,
        String cpus,
        List<String> probes,
        Map<String, String> probeVariants,
        SweepSpec sweep,
        int repetitions,
        HostSpec host,
        List<BackgroundSpec> background,
        List<PlotSpec> plots,
        String backend,
        String probeScope,
        Node.Position position) {

    /** Task-scoped probes count only the workload's cgroup. */
    public static final String SCOPE_WORKLOAD = "workload";
    public static final String SCOPE_SYSTEM = "system";


    public Experiment {
        probeScope = probeScope == null ? SCOPE_SYSTEM : probeScope;
        plots = List.copyOf(plots);
        background = List.copyOf(background);
        probes = List.copyOf(probes);
        probeVariants = Map.copyOf(probeVariants);
    }
}
