package dev.uringlab.orchestrator.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates {@code background:}, a list of workloads that run beside the measured one. */
final class BackgroundValidator {

    private static final List<String> KINDS = List.of("fio", "spin", "command");

    private BackgroundValidator() {
    }

    static List<BackgroundSpec> validate(Node node, KindRegistry<?> kinds) throws ConfigException {
        Node.ListNode list = Nodes.list(node, "background");
        List<BackgroundSpec> specs = new ArrayList<>();
        for (Node item : list.items()) {
            specs.add(one(Nodes.map(item, "background entry"), kinds.get("fio").table()));
        }
        return specs;
    }

    private static BackgroundSpec one(Node.MapNode map, OptionTable fio) throws ConfigException {
        Node.Entry kindEntry = map.entries().get("kind");
        if (kindEntry == null) {
            throw new ConfigException(map.position(), "background: missing 'kind:' (one of " + String.join(", ", KINDS) + ")");
        }
        String kind = (String) OptionType.oneOf(KINDS.toArray(String[]::new)).check(kindEntry.value(), "background.kind");
        Set<String> allowed = new LinkedHashSet<>(List.of("kind", "cpus", "count"));
        switch (kind) {
            case "fio" -> allowed.addAll(fio.types().keySet());
            case "command" -> allowed.add("command");
            default -> { }
        }
        Nodes.checkKeys(map, allowed, "background (" + kind + ")");
        Map<String, Node.Entry> e = map.entries();
        String cpus = e.containsKey("cpus") ? ExperimentValidator.cpuSet(e.get("cpus").value(), "background.cpus") : "all";
        int count = e.containsKey("count")
                ? Math.toIntExact((Long) OptionType.POSITIVE_INT.check(e.get("count").value(), "background.count")) : 1;
        Map<String, Object> options = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        if (kind.equals("fio")) {
            options.putAll(fio.defaults());
            for (Node.Entry entry : e.values()) {
                OptionType type = fio.types().get(entry.key());
                if (type != null) {
                    options.put(entry.key(), type.check(entry.value(), "background." + entry.key()));
                }
            }
        } else if (kind.equals("command")) {
            if (!e.containsKey("command")) {
                throw new ConfigException(map.position(), "background (command): missing 'command:' (a list: program and arguments)");
            }
            Node.ListNode argv = Nodes.list(e.get("command").value(), "background.command");
            for (Node arg : argv.items()) {
                command.add((String) OptionType.TEXT.check(arg, "background.command"));
            }
            if (command.isEmpty()) {
                throw new ConfigException(argv.position(), "background.command: empty (give the program and its arguments)");
            }
        }
        return new BackgroundSpec(kind, cpus, count, options, command);
    }
}
