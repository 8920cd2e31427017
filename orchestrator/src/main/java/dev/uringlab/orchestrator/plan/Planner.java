package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.BackgroundSpec;
import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.Experiment;
import dev.uringlab.orchestrator.config.ExperimentFile;
import dev.uringlab.orchestrator.config.HostSpec;
import dev.uringlab.orchestrator.config.Sizes;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.config.WorkloadOptions;
import dev.uringlab.orchestrator.config.WorkloadSpec;
import dev.uringlab.orchestrator.host.BlockDeviceLocator;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.CpuSetResolver;
import dev.uringlab.orchestrator.host.DeviceIrq;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.TargetTopology;
import dev.uringlab.orchestrator.host.knob.HostKnob;
import dev.uringlab.orchestrator.host.knob.KnobContext;
import dev.uringlab.orchestrator.probe.BpftraceProgram;
import dev.uringlab.orchestrator.probe.HostProbeSupport;
import dev.uringlab.orchestrator.probe.ProbeCatalog;
import dev.uringlab.orchestrator.probe.ProbeDefinition;
import dev.uringlab.orchestrator.probe.ProbeResolver;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Expands experiments into runs and resolves everything host-specific (the target's device
 * and interrupts, symbolic CPU sets, probe variants), reading the host but never changing it,
 * so {@code uringlab plan} shows exactly what {@code uringlab run} will do.
 */
public final class Planner {

    private static final List<String> WRITING_RW = List.of("write", "randwrite", "rw", "randrw");

    private final HostFs fs;
    private final ProbeCatalog catalog;
    private final HostProbeSupport probeSupport;

    public Planner(HostFs fs, ProbeCatalog catalog, HostProbeSupport probeSupport) {
        this.fs = fs;
        this.catalog = catalog;
        this.probeSupport = probeSupport;
    }

    public Plan plan(ExperimentFile file) throws ConfigException, HostException {
        List<ExperimentPlan> plans = new ArrayList<>();
        for (Experiment experiment : file.experiments()) {
            plans.add(plan(experiment));
        }
        return new Plan(file, plans);
    }

    /**
     * Plans one experiment against the host as it is now. The sweep runner plans again after
     * applying knobs that move interrupts, so irq/non-irq then mean the new layout.
     */
    public ExperimentPlan plan(Experiment experiment) throws ConfigException, HostException {
        checkTarget(experiment);
        TargetTopology topology = topology(experiment.target());
        List<HostKnob> knobs = knobs(experiment.host(), topology);
        List<ResolvedProbe> probes = new ArrayList<>();
        for (String id : experiment.probes()) {
            ProbeDefinition definition = catalog.find(id).orElseThrow();
            ResolvedProbe resolved = ProbeResolver.resolve(definition, probeSupport,
                    Optional.ofNullable(experiment.probeVariants().get(id)));
            if (resolved.available() && resolved.body().contains("{{" + BpftraceProgram.IRQS + "}}")
                    && topology.irqs().isEmpty()) {
                // Counting "the device's IRQs" with no IRQ numbers would report a silent zero.
                resolved = ResolvedProbe.unavailable(id, "no interrupts found for " + topology.disk()
                        + " (polled or virtual device?)");
            }
            probes.add(resolved);
        }
        // Everything that changes what a run measures: a change gives new run ids instead of stale reuse.
        String definingText = experiment.workload().kind() + experiment.target() + experiment.probes()
                + experiment.probeVariants() + experiment.backend() + experiment.probeScope() + experiment.host()
                + experiment.background();
        PlannedRuns runs = PlannedRuns.of(experiment, definingText,
                cpuSet -> CpuSetResolver.resolve(cpuSet, topology, fs));
        if (runs.isEmpty()) {
            throw new ConfigException(experiment.position(), "experiment '" + experiment.name()
                    + "': exclude removes every combination of the sweep, nothing would run");
        }
        List<PlannedBackground> backgrounds = new ArrayList<>();
        for (BackgroundSpec b : experiment.background()) {
            try {
                backgrounds.add(new PlannedBackground(b, CpuSetResolver.resolve(b.cpus(), topology, fs)));
            } catch (HostException e) {
                throw new HostException("experiment '" + experiment.name() + "' background: " + e.getMessage());
            }
        }
        List<String> changes = hostChanges(experiment, topology, knobs);
        changes.addAll(sweptHostChanges(runs.hostSettings(), topology));
        backgrounds.forEach(b -> changes.add("run beside every run: " + b.spec().describe() + " on CPU "
                + CpuList.format(b.cpus()) + " (stopped after it)"));
        Set<String> taskScoped = new HashSet<>();
        for (String id : experiment.probes()) {
            if (catalog.find(id).orElseThrow().scope().equals(ProbeDefinition.TASK)) {
                taskScoped.add(id);
            }
        }
        if (experiment.probeScope().equals(Experiment.SCOPE_WORKLOAD)
                && !taskScoped.isEmpty()) {
            changes.add("run each workload in its own cgroup v2 so " + String.join(", ", new TreeSet<>(taskScoped))
                    + " count only its tasks (IRQ/IPI/timer probes stay system-wide)");
        }
        return new ExperimentPlan(experiment, topology, probes, runs, knobs, backgrounds, taskScoped,
                kprobeFallbacks(probes), changes);
    }

    /**
     * For each probe resolved to its kprobe: what to count instead when the kprobe does not attach
     * at run time (the symbol is in kallsyms, but notrace, inlined or blacklisted).
     */
    private Map<String, ResolvedProbe> kprobeFallbacks(List<ResolvedProbe> probes) {
        Map<String, ResolvedProbe> fallbacks = new LinkedHashMap<>();
        for (ResolvedProbe p : probes) {
            if (!p.available() || !"kprobe".equals(p.variant())) {
                continue;
            }
            ProbeDefinition definition = catalog.find(p.id()).orElseThrow();
            fallbacks.put(p.id(), definition.variant("tracepoint").isPresent()
                    ? ProbeResolver.resolve(definition, probeSupport, Optional.of("tracepoint"))
                    : ResolvedProbe.unavailable(p.id(), "kprobe did not attach and there is no tracepoint variant"));
        }
        return fallbacks;
    }

    private List<HostKnob> knobs(HostSpec host, TargetTopology topology) throws HostException {
        return HostKnobs.of(host, topology, KnobContext.forHost(fs));
    }

    private void checkTarget(Experiment experiment) throws ConfigException {
        TargetSpec target = experiment.target();
        switch (target.kind()) {
            case FILE -> {
                if (!fs.exists(target.path())) {
                    throw new ConfigException(experiment.position(), "experiment '" + experiment.name()
                            + "': target file " + target.path() + " does not exist (use kind: scratch to have one made)");
                }
            }
            case DEVICE -> {
                if (!fs.exists(target.path())) {
                    throw new ConfigException(experiment.position(), "experiment '" + experiment.name()
                            + "': target device " + target.path() + " does not exist");
                }
                if (writes(experiment) && !target.destructive()) {
                    throw new ConfigException(experiment.position(), "experiment '" + experiment.name()
                            + "' writes to the raw device " + target.path()
                            + ", destroying its contents: add 'destructive: true' to its target if that is intended");
                }
            }
            case SCRATCH -> {
                // created at run time; its directory's file system is checked by topology()
            }
        }
    }

    private static boolean writes(Experiment experiment) {
        List<Object> rws = experiment.sweep().axes().getOrDefault("rw",
                List.of(experiment.workload().options().getOrDefault("rw", "read")));
        return rws.stream().anyMatch(rw -> WRITING_RW.contains(String.valueOf(rw)));
    }

    private TargetTopology topology(TargetSpec target) throws HostException {
        BlockDeviceLocator locator = new BlockDeviceLocator(fs);
        List<String> disks = target.kind() == TargetSpec.Kind.DEVICE
                ? locator.disksForDevice(target.path())
                : locator.disksForPath(existingAncestor(target.path()));
        List<DeviceIrq> irqs = new ArrayList<>();
        for (String disk : disks) {
            irqs.addAll(locator.irqsOf(disk));
        }
        return new TargetTopology(String.join("+", disks), irqs, locator.onlineCpus());
    }

    /** The scratch file may not exist yet: its nearest existing ancestor lives on the same file system. */
    private String existingAncestor(String path) {
        String current = path;
        while (!fs.exists(current) && current.lastIndexOf('/') > 0) {
            current = current.substring(0, current.lastIndexOf('/'));
        }
        if (!fs.exists(current)) {
            current = "/";
        }
        return fs.realPath(current).orElse(current);
    }

    /** One line per distinct swept host setting: what its first knob changes, and how many more there are. */
    private List<String> sweptHostChanges(Set<Map<String, Object>> settings, TargetTopology topology)
            throws HostException {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> swept : settings) {
            HostSpec runHost = HostSpec.ofSwept(swept);
            List<HostKnob> runKnobs = knobs(runHost, topology);
            String when = "runs with " + RunSpec.describe(swept) + ": ";
            if (runHost.dropCaches()) {
                lines.add(when + "drop the page cache before the run");
            }
            if (!runKnobs.isEmpty()) {
                lines.add(when + runKnobs.get(0).plan() + (runKnobs.size() > 1 ? " and " + (runKnobs.size() - 1)
                        + " more like it" : "") + " (journaled, restored after each run)");
            } else if (!runHost.dropCaches()) {
                lines.add(when + "the host as it is");
            }
        }
        return lines;
    }

    private static List<String> hostChanges(Experiment experiment, TargetTopology topology, List<HostKnob> knobs) {
        List<String> changes = new ArrayList<>();
        knobs.forEach(k -> changes.add(k.plan() + " (journaled, restored after the experiment)"));
        if (experiment.host().dropCaches()) {
            changes.add("drop the page cache (sync; echo 3 > /proc/sys/vm/drop_caches) before each run");
        }
        if (experiment.host().changesIrqLayout()) {
            changes.add("CPU sets are resolved again after these changes, against the new IRQ layout");
        }
        if (experiment.target().kind() == TargetSpec.Kind.SCRATCH) {
            changes.add("create and fill scratch file " + experiment.target().path() + " ("
                    + Sizes.format(experiment.target().sizeBytes()) + ") unless it already has that size");
        }
        changes.add("pin each workload with taskset to its resolved CPUs (IRQs of " + topology.disk() + " land on CPU(s) "
                + CpuList.format(topology.irqCpus()) + ")");
        return changes;
    }
}
