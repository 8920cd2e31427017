package dev.uringlab.orchestrator.config;

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
        List<dev.uringlab.analysis.plot.PlotSpec> plots,
        String backend,
        Node.Position position) {

    public Experiment {
        plots = List.copyOf(plots);
        background = List.copyOf(background);
        probes = List.copyOf(probes);
        probeVariants = Map.copyOf(probeVariants);
    }
}
