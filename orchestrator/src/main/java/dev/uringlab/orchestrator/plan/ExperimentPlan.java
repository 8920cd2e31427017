package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.Experiment;
import dev.uringlab.orchestrator.host.TargetTopology;
import dev.uringlab.orchestrator.host.knob.HostKnob;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One experiment's runs (a list computed on demand, see {@link PlannedRuns}: iterate it, do not copy it) plus what they share: the target's topology, the resolved probes and the
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
        runs = runs instanceof PlannedRuns ? runs : List.copyOf(runs); // computed on demand, never all at once
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

    /** The run ids in plan order, computed one at a time as the list is read. */
    public List<String> runIds() {
        return new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                return runs.get(index).runId();
            }

            @Override
            public int size() {
                return runs.size();
            }
        };
    }

    public boolean hasAvailableProbes() {
        return probes.stream().anyMatch(ResolvedProbe::available);
    }
}
