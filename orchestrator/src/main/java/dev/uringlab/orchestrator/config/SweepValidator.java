package dev.uringlab.orchestrator.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates {@code sweep}, {@code zip} and {@code exclude}: axis names, value types, equal zip lengths. */
final class SweepValidator {

    static final String HOST = HostSpec.SWEPT_PREFIX;

    private final WorkloadKind kind;

    SweepValidator(WorkloadKind kind) {
        this.kind = kind;
    }

    private Object checkValue(String axis, Node value, String field) throws ConfigException {
        if (axis.equals("cpus")) {
            return ExperimentValidator.cpuSet(value, field);
        }
        if (axis.startsWith(HOST)) {
            return HostSpecValidator.sweptValue(axis.substring(HOST.length()), value, field);
        }
        return typeOf(axis).check(value, field);
    }

    /** Free-form kinds take any scalar axis; their options record checks each planned run's values. */
    private OptionType typeOf(String axis) {
        return kind.axisType(axis);
    }

    /**
     * @param pinned workload options fixed by {@code --set workload.X=v}: such an axis keeps only that
     *               value, and exclude entries naming another value of it simply never match.
     */
    SweepSpec validate(Map<String, Node.Entry> experiment, Map<String, Object> pinned) throws ConfigException {
        if (!experiment.containsKey("sweep")) {
            if (experiment.containsKey("zip") || experiment.containsKey("exclude")) {
                Node.Entry stray = experiment.containsKey("zip") ? experiment.get("zip") : experiment.get("exclude");
                throw new ConfigException(stray.keyPosition(), stray.key() + ": there is no 'sweep:' to apply it to");
            }
            return SweepSpec.none();
        }
        Node.MapNode sweep = Nodes.map(experiment.get("sweep").value(), "sweep");
        if (sweep.entries().isEmpty()) {
            throw new ConfigException(sweep.position(), "sweep: is empty (remove it, or list at least one axis)");
        }
        Set<String> allowed = new LinkedHashSet<>(kind.freeForm() ? Set.of() : kind.table().types().keySet());
        allowed.add("cpus");
        HostSpecValidator.SWEEPABLE.forEach(k -> allowed.add(HOST + k));
        // Every host.* key gets through to sweptValue, which says why one cannot be swept.
        sweep.entries().keySet().stream().filter(k -> k.startsWith(HOST)).forEach(allowed::add);
        if (!kind.freeForm()) {
            Nodes.checkKeys(sweep, allowed, "sweep (an axis is 'cpus', a workload option or host."
                    + String.join(", host.", HostSpecValidator.SWEEPABLE) + ")");
        }
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        Map<String, Node.Position> positions = new LinkedHashMap<>();
        Set<String> zipped = zippedNames(experiment.get("zip"));
        for (Node.Entry axis : sweep.entries().values()) {
            positions.put(axis.key(), axis.keyPosition());
            if (pinned.containsKey(axis.key())) {
                axes.put(axis.key(), List.of(pinned.get(axis.key())));
                continue;
            }
            Node.ListNode values = Nodes.list(axis.value(), "sweep." + axis.key());
            if (values.items().isEmpty()) {
                throw new ConfigException(values.position(), "sweep." + axis.key() + ": empty list (an axis needs at least one value)");
            }
            List<Object> checked = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Node value : values.items()) {
                Object v = checkValue(axis.key(), value, "sweep." + axis.key());
                // A zipped axis may repeat values: it pairs them with its partners' values.
                if (!seen.add(String.valueOf(v)) && !zipped.contains(axis.key())) {
                    throw new ConfigException(value.position(), "sweep." + axis.key() + ": value " + v + " is listed twice");
                }
                checked.add(v);
            }
            axes.put(axis.key(), checked);
        }
        List<List<String>> zip = experiment.containsKey("zip")
                ? zip(experiment.get("zip").value(), axes, pinned.keySet()) : List.of();
        List<Map<String, Object>> exclude = experiment.containsKey("exclude")
                ? exclude(experiment.get("exclude").value(), axes, pinned.keySet()) : List.of();
        return new SweepSpec(axes, zip, exclude, positions);
    }

    /** Axis names mentioned in zip groups, read leniently: zip() validates the groups themselves. */
    private static Set<String> zippedNames(Node.Entry zip) {
        Set<String> names = new HashSet<>();
        if (zip != null && zip.value() instanceof Node.ListNode groups) {
            for (Node group : groups.items()) {
                if (group instanceof Node.ListNode members) {
                    members.items().forEach(m -> {
                        if (m instanceof Node.ScalarNode s && s.value() instanceof String name) {
                            names.add(name);
                        }
                    });
                }
            }
        }
        return names;
    }

    private static List<List<String>> zip(Node node, Map<String, List<Object>> axes, Set<String> pinned)
            throws ConfigException {
        Node.ListNode groups = Nodes.list(node, "zip");
        List<List<String>> zip = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Node groupNode : groups.items()) {
            Node.ListNode group = Nodes.list(groupNode, "zip (a list of axis-name lists, e.g. [[iodepth, numjobs]])");
            if (group.items().size() < 2) {
                throw new ConfigException(group.position(), "zip: a group needs at least two axes");
            }
            List<String> names = new ArrayList<>();
            int length = -1;
            String lengthSetBy = null;
            for (Node nameNode : group.items()) {
                String name = Nodes.string(nameNode, "zip");
                if (!axes.containsKey(name)) {
                    throw new ConfigException(nameNode.position(), "zip: '" + name + "' is not a sweep axis"
                            + Suggestions.hint(name, axes.keySet()));
                }
                if (!used.add(name)) {
                    throw new ConfigException(nameNode.position(), "zip: axis '" + name + "' is in more than one group");
                }
                int size = axes.get(name).size();
                if (pinned.contains(name)) {
                    names.add(name);
                    continue;
                }
                if (length >= 0 && size != length) {
                    throw new ConfigException(nameNode.position(), "zip: axis '" + name + "' has " + size
                            + " values but '" + lengthSetBy + "' has " + length + " (zipped axes advance together)");
                }
                length = size;
                lengthSetBy = lengthSetBy == null ? name : lengthSetBy;
                names.add(name);
            }
            // A pinned axis no longer advances with its group.
            List<String> free = names.stream().filter(n -> !pinned.contains(n)).toList();
            if (free.size() >= 2) {
                zip.add(free);
            }
        }
        return zip;
    }

    private List<Map<String, Object>> exclude(Node node, Map<String, List<Object>> axes, Set<String> pinned)
            throws ConfigException {
        Node.ListNode list = Nodes.list(node, "exclude");
        List<Map<String, Object>> exclude = new ArrayList<>();
        for (Node item : list.items()) {
            Node.MapNode match = Nodes.map(item, "exclude (a list of {axis: value} mappings)");
            if (match.entries().isEmpty()) {
                throw new ConfigException(match.position(), "exclude: an empty entry would exclude every run");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Node.Entry entry : match.entries().values()) {
                if (!axes.containsKey(entry.key())) {
                    throw new ConfigException(entry.keyPosition(), "exclude: '" + entry.key() + "' is not a sweep axis"
                            + Suggestions.hint(entry.key(), axes.keySet()));
                }
                Object v = checkValue(entry.key(), entry.value(), "exclude." + entry.key());
                if (!pinned.contains(entry.key())
                        && axes.get(entry.key()).stream().noneMatch(a -> String.valueOf(a).equals(String.valueOf(v)))) {
                    throw new ConfigException(entry.value().position(), "exclude: " + entry.key() + "=" + v
                            + " never occurs in the sweep, so this entry excludes nothing");
                }
                values.put(entry.key(), v);
            }
            exclude.add(values);
        }
        return exclude;
    }
}
