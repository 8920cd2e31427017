package dev.uringlab.orchestrator.config;

import dev.uringlab.analysis.verdict.Expectation;
import dev.uringlab.orchestrator.host.CpuSetResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads an experiment file strictly: every unknown key, wrong type, unknown probe, empty sweep
 * or impossible value is refused with {@code file:line:col}, before anything on the host is touched.
 */
public final class ExperimentLoader {

    static final Set<String> TOP_KEYS = Set.of("defaults", "experiments", LabNeeds.KEY);
    static final Set<String> EXPERIMENT_KEYS = new LinkedHashSet<>(List.of(
            "name", "description", "workload", "target", "cpus", "probes", "probe_variants",
            "sweep", "zip", "exclude", "repetitions", "host", "background", "plots", "backend", "probe_scope", "expect"));
    static final Set<String> TARGET_KEYS = Set.of("kind", "path", "size", "destructive");
    static final Set<String> PROBE_VARIANTS = Set.of("kprobe", "tracepoint");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern CPU_LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    public static final List<String> SYMBOLIC_CPUS = CpuSetResolver.SYMBOLIC;

    private final Set<String> knownProbes;
    private final KindRegistry<?> kinds;

    /** @param kinds the workload kinds a file may name ({@code workload.WorkloadKinds.BUILT_IN}) */
    public ExperimentLoader(Set<String> knownProbes, KindRegistry<?> kinds) {
        this.knownProbes = Set.copyOf(knownProbes);
        this.kinds = kinds;
    }

    public ExperimentFile load(Path file, List<SetOverride> overrides, List<String> only) throws ConfigException {
        String text;
        try {
            text = YamlText.decode(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file (pass an experiment file, e.g. experiments.yaml)");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file, text, overrides, only);
    }

    public ExperimentFile parse(Path file, String text, List<SetOverride> overrides, List<String> only)
            throws ConfigException {
        String fileName = file.getFileName() == null ? file.toString() : file.toString();
        Node root = new YamlTreeReader(fileName).read(text);
        Node.MapNode top = Nodes.map(root, "the file");
        Nodes.checkKeys(top, TOP_KEYS, "top level");
        Node.MapNode defaults = top.entries().containsKey("defaults")
                ? Nodes.map(top.entries().get("defaults").value(), "defaults") : null;
        if (defaults != null) {
            Nodes.checkKeys(defaults, without(EXPERIMENT_KEYS, "name"), "defaults");
        }
        Node.Entry experimentsEntry = top.entries().get("experiments");
        if (experimentsEntry == null) {
            throw new ConfigException(top.position(), "no 'experiments:' list (add at least one experiment)");
        }
        Node.ListNode list = Nodes.list(experimentsEntry.value(), "experiments");
        if (list.items().isEmpty()) {
            throw new ConfigException(list.position(), "experiments: the list is empty");
        }
        List<Experiment> experiments = new ArrayList<>();
        Map<String, List<Expectation>> expectations = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Node item : list.items()) {
            Node.MapNode raw = Nodes.map(item, "experiment");
            Node.MapNode merged = Nodes.mergeDefaults(defaults, raw, Set.of("workload", "target", "host"));
            Set<String> pinnedWorkloadKeys = new HashSet<>();
            for (SetOverride o : overrides) {
                checkOverrideKey(o);
                merged = Nodes.set(merged, o);
                if (o.path().size() == 2 && o.path().get(0).equals("workload")) {
                    pinnedWorkloadKeys.add(o.path().get(1));
                }
            }
            Experiment experiment = new ExperimentValidator(knownProbes, kinds).validate(merged, pinnedWorkloadKeys);
            if (!names.add(experiment.name())) {
                throw new ConfigException(experiment.position(), "duplicate experiment name '" + experiment.name() + "'");
            }
            experiments.add(experiment);
            expectations.put(experiment.name(), ExpectValidator.validate(merged.entries().get("expect"), experiment));
        }
        return new ExperimentFile(file, text, select(fileName, experiments, only), expectations);
    }

    private static List<Experiment> select(String fileName, List<Experiment> all, List<String> only)
            throws ConfigException {
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<String> names = all.stream().map(Experiment::name).toList();
        List<Experiment> chosen = new ArrayList<>();
        for (String wanted : only) {
            Experiment match = all.stream().filter(e -> e.name().equals(wanted)).findFirst().orElse(null);
            if (match == null) {
                throw new ConfigException(fileName + ": --only " + wanted + ": no such experiment"
                        + Suggestions.hint(wanted, names) + "; experiments: " + String.join(", ", names));
            }
            chosen.add(match);
        }
        return chosen;
    }

    private static void checkOverrideKey(SetOverride o) throws ConfigException {
        String first = o.path().get(0);
        if (!EXPERIMENT_KEYS.contains(first) || first.equals("name")) {
            throw new ConfigException("--set " + o.original() + ": unknown key '" + first + "'"
                    + Suggestions.hint(first, without(EXPERIMENT_KEYS, "name")));
        }
    }

    static Set<String> without(Set<String> keys, String dropped) {
        Set<String> copy = new LinkedHashSet<>(keys);
        copy.remove(dropped);
        return copy;
    }

    static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    static boolean isCpuSet(String text) {
        return SYMBOLIC_CPUS.contains(text) || CPU_LIST.matcher(text).matches();
    }
}
