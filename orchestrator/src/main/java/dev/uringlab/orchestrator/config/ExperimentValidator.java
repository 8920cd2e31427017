package dev.uringlab.orchestrator.config;

import dev.uringlab.analysis.plot.PlotSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one merged experiment mapping into an {@link Experiment}, or the first error with its position. */
final class ExperimentValidator {

    private final Set<String> knownProbes;
    private final KindRegistry<?> kinds;

    ExperimentValidator(Set<String> knownProbes, KindRegistry<?> kinds) {
        this.knownProbes = knownProbes;
        this.kinds = kinds;
    }

    Experiment validate(Node.MapNode map, Set<String> pinnedWorkloadKeys) throws ConfigException {
        Nodes.checkKeys(map, ExperimentLoader.EXPERIMENT_KEYS, "experiment");
        Map<String, Node.Entry> e = map.entries();
        if (!e.containsKey("name")) {
            throw new ConfigException(map.position(), "experiment without 'name:' (every experiment needs a unique name)");
        }
        String name = Nodes.string(e.get("name").value(), "name");
        if (!ExperimentLoader.isValidName(name)) {
            throw new ConfigException(e.get("name").value().position(), "name: '" + name
                    + "' may only contain letters, digits, '.', '_' and '-' (it names a results directory)");
        }
        String description = e.containsKey("description") ? Nodes.string(e.get("description").value(), "description") : "";
        if (!e.containsKey("workload")) {
            throw new ConfigException(map.position(), "experiment '" + name + "' has no 'workload:' (e.g. workload: {kind: fio})");
        }
        WorkloadSpec workload = workload(Nodes.map(e.get("workload").value(), "workload"));
        TargetSpec target = e.containsKey("target") ? target(Nodes.map(e.get("target").value(), "target"))
                : TargetSpec.defaultScratch();
        String cpus = e.containsKey("cpus") ? cpuSet(e.get("cpus").value(), "cpus") : "all";
        List<String> probes = e.containsKey("probes") ? probes(e.get("probes").value()) : List.of();
        Map<String, String> variants = e.containsKey("probe_variants")
                ? probeVariants(Nodes.map(e.get("probe_variants").value(), "probe_variants"), probes) : Map.of();
        int repetitions = 1;
        if (e.containsKey("repetitions")) {
            repetitions = Math.toIntExact((Long) OptionType.POSITIVE_INT.check(e.get("repetitions").value(), "repetitions"));
        }
        Map<String, Object> pinned = new LinkedHashMap<>();
        pinnedWorkloadKeys.forEach(k -> pinned.put(k, workload.options().get(k)));
        SweepSpec sweep = new SweepValidator(workload.type()).validate(e, pinned);
        HostSpec host = e.containsKey("host") ? HostSpecValidator.validate(Nodes.map(e.get("host").value(), "host"))
                : HostSpec.none();
        if (e.containsKey("host") && e.containsKey("sweep") && e.get("sweep").value() instanceof Node.MapNode sweepMap
                && e.get("host").value() instanceof Node.MapNode hostMap) {
            for (String key : hostMap.entries().keySet()) {
                Node.Entry swept = sweepMap.entries().get(SweepValidator.HOST + key);
                if (swept != null) {
                    throw new ConfigException(swept.keyPosition(), "sweep.host." + key + ": host." + key
                            + " is also set under host:, which holds for every run (keep one of the two)");
                }
            }
        }
        if (sweep.axes().containsKey(SweepValidator.HOST + "max_idle_latency_cpus")
                && !sweep.axes().containsKey(SweepValidator.HOST + "max_idle_latency_us")) {
            Node.Entry cpusAxis = ((Node.MapNode) e.get("sweep").value()).entries().get(SweepValidator.HOST + "max_idle_latency_cpus");
            throw new ConfigException(cpusAxis.keyPosition(), "sweep.host.max_idle_latency_cpus: says which CPUs get"
                    + " host.max_idle_latency_us, which is not swept (add it as an axis, e.g. host.max_idle_latency_us: [0])");
        }
        List<BackgroundSpec> background = e.containsKey("background")
                ? BackgroundValidator.validate(e.get("background").value(), kinds) : List.of();
        List<PlotSpec> plots = e.containsKey("plots")
                ? PlotsValidator.validate(e.get("plots").value(), sweep.axes().keySet()) : List.of();
        String backend = e.containsKey("backend")
                ? (String) OptionType.oneOf("bpftrace", "bcc").check(e.get("backend").value(), "backend") : "bpftrace";
        String probeScope = e.containsKey("probe_scope")
                ? (String) OptionType.oneOf(Experiment.SCOPE_SYSTEM, Experiment.SCOPE_WORKLOAD)
                        .check(e.get("probe_scope").value(), "probe_scope")
                : Experiment.SCOPE_SYSTEM;
        return new Experiment(name, description, workload, target, cpus, probes, variants, sweep, repetitions, host,
                background, plots, backend, probeScope, map.position());
    }

    private WorkloadSpec workload(Node.MapNode map) throws ConfigException {
        Node.Entry kindEntry = map.entries().get("kind");
        if (kindEntry == null) {
            throw new ConfigException(map.position(), "workload: missing 'kind:' (one of " + String.join(", ",
                    kinds.names()) + ")");
        }
        String name = (String) OptionType.oneOf(kinds.names().toArray(String[]::new))
                .check(kindEntry.value(), "workload.kind");
        WorkloadKind kind = kinds.get(name);
        return new WorkloadSpec(kind, kind.parse(map));
    }

    private static TargetSpec target(Node.MapNode map) throws ConfigException {
        Nodes.checkKeys(map, ExperimentLoader.TARGET_KEYS, "target");
        Map<String, Node.Entry> t = map.entries();
        String kindText = t.containsKey("kind")
                ? (String) OptionType.oneOf("scratch", "file", "device").check(t.get("kind").value(), "target.kind")
                : "scratch";
        TargetSpec.Kind kind = TargetSpec.Kind.valueOf(kindText.toUpperCase());
        String path = t.containsKey("path") ? Nodes.string(t.get("path").value(), "target.path") : null;
        if (path != null && !path.startsWith("/")) {
            throw new ConfigException(t.get("path").value().position(), "target.path: '" + path
                    + "' must be absolute (results are compared across machines and working directories)");
        }
        if (path != null) {
            PseudoFsPaths.check(path, t.get("path").value().position());
        }
        long size = TargetSpec.DEFAULT_SCRATCH_SIZE;
        if (t.containsKey("size")) {
            if (kind != TargetSpec.Kind.SCRATCH) {
                throw new ConfigException(t.get("size").keyPosition(), "target.size: only a scratch target has a size");
            }
            size = Sizes.parse((String) OptionType.SIZE.check(t.get("size").value(), "target.size"));
        }
        boolean destructive = t.containsKey("destructive")
                && (Boolean) OptionType.BOOL.check(t.get("destructive").value(), "target.destructive");
        if (kind == TargetSpec.Kind.SCRATCH) {
            path = path == null ? TargetSpec.DEFAULT_SCRATCH_PATH : path;
        } else if (path == null) {
            throw new ConfigException(map.position(), "target: a " + kindText + " target needs 'path:'");
        } else if (kind == TargetSpec.Kind.DEVICE && !path.startsWith("/dev/")) {
            throw new ConfigException(t.get("path").value().position(), "target.path: a device target must be under /dev/");
        }
        return new TargetSpec(kind, path, size, destructive);
    }

    static String cpuSet(Node node, String field) throws ConfigException {
        Object value = node instanceof Node.ScalarNode s ? s.value() : null;
        String text = value == null ? null : String.valueOf(value);
        if (text == null || value instanceof Boolean || !ExperimentLoader.isCpuSet(text)) {
            throw new ConfigException(node.position(), field + ": '" + (text == null ? node.kind() : text)
                    + "' is not a CPU set (irq, non-irq, all, local, smt-sibling, same-node, remote-node, or a list like 0,2-3)"
                    + (text == null ? "" : Suggestions.hint(text, ExperimentLoader.SYMBOLIC_CPUS)));
        }
        return text;
    }

    private List<String> probes(Node node) throws ConfigException {
        Node.ListNode list = Nodes.list(node, "probes");
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : list.items()) {
            String id = Nodes.string(item, "probes");
            if (!knownProbes.contains(id)) {
                throw new ConfigException(item.position(), "unknown probe '" + id + "'"
                        + Suggestions.hint(id, knownProbes) + " (uringlab probes lists them)");
            }
            if (!seen.add(id)) {
                throw new ConfigException(item.position(), "probe '" + id + "' is listed twice");
            }
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, String> probeVariants(Node.MapNode map, List<String> probes) throws ConfigException {
        Map<String, String> variants = new LinkedHashMap<>();
        for (Node.Entry entry : map.entries().values()) {
            if (!probes.contains(entry.key())) {
                throw new ConfigException(entry.keyPosition(), "probe_variants: '" + entry.key()
                        + "' is not in this experiment's probes" + Suggestions.hint(entry.key(), probes));
            }
            variants.put(entry.key(), (String) OptionType.oneOf(ExperimentLoader.PROBE_VARIANTS.toArray(String[]::new))
                    .check(entry.value(), "probe_variants." + entry.key()));
        }
        return variants;
    }
}
