package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.Experiment;
import dev.uringlab.orchestrator.host.TargetTopology;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.util.List;

/** One experiment's runs plus what they share: the target's topology, the resolved probes, the host changes. */
public record ExperimentPlan(
        Experiment experiment,
        TargetTopology topology,
        List<ResolvedProbe> probes,
        List<RunSpec> runs,
        List<String> hostChanges) {

    public ExperimentPlan {
        probes = List.copyOf(probes);
        runs = List.copyOf(runs);
        hostChanges = List.copyOf(hostChanges);
    }

    public boolean hasAvailableProbes() {
        return probes.stream().anyMatch(ResolvedProbe::available);
    }
}
