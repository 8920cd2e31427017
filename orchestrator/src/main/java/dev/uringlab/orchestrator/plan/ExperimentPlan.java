package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.Experiment;
import dev.uringlab.orchestrator.host.TargetTopology;
import dev.uringlab.orchestrator.host.knob.HostKnob;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One experiment's runs plus what they share: the target's topology, the resolved probes and the
 * host knobs applied for the whole experiment (per-run knobs such as drop_caches are not among them).
 */
public record ExperimentPlan(
        Experiment experiment,
        TargetTopology topology,
        List<ResolvedProbe> probes,
        List<RunSpec> runs,
        List<HostKnob> knobs,
        List<PlannedBackground> backgrounds,
        Set<String> taskScopedProbes,
        Map<String, ResolvedProbe> kprobeFallbacks,
        List<String> hostChanges) {

    public ExperimentPlan {
        probes = List.copyOf(probes);
        runs = List.copyOf(runs);
        knobs = List.copyOf(knobs);
        backgrounds = List.copyOf(backgrounds);
        taskScopedProbes = Set.copyOf(taskScopedProbes);
        kprobeFallbacks = Map.copyOf(kprobeFallbacks);
        hostChanges = List.copyOf(hostChanges);
    }

    /** True when task-scoped probes are to count only the workload (probe_scope: workload). */
    public boolean scopedToWorkload() {
        return experiment.probeScope().equals(Experiment.SCOPE_WORKLOAD)
                && probes.stream().anyMatch(p -> p.available() && taskScopedProbes.contains(p.id()));
    }

    public boolean hasAvailableProbes() {
        return probes.stream().anyMatch(ResolvedProbe::available);
    }
}
