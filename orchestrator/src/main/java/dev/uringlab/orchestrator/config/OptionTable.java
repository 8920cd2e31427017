package dev.uringlab.orchestrator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The options a kind with a fixed vocabulary accepts (fio, ringbench), with their types and
 * defaults; {@link #parse} checks a located mapping against it.
 *
 * @param passThrough name of a mapping of tool options passed verbatim (fio's {@code extra}), or null
 */
public record OptionTable(Map<String, OptionType> types, Map<String, Object> defaults, String passThrough) {

    public OptionTable {
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    }

    public Map<String, Object> parse(String kind, Node.MapNode map) throws ConfigException {
        Set<String> allowed = new LinkedHashSet<>(types.keySet());
        allowed.add("kind");
        if (passThrough != null) {
            allowed.add(passThrough);
        }
        Nodes.checkKeys(map, allowed, "workload (" + kind + ")");
        LinkedHashMap<String, Object> options = new LinkedHashMap<>(defaults);
        for (Node.Entry entry : map.entries().values()) {
            if (entry.key().equals("kind")) {
                continue;
            }
            if (entry.key().equals(passThrough)) {
                options.put(passThrough, verbatim(Nodes.map(entry.value(), "workload." + passThrough), passThrough));
                continue;
            }
            options.put(entry.key(), types.get(entry.key()).check(entry.value(), "workload." + entry.key()));
        }
        return options;
    }

    /** Options passed to the tool verbatim, for what the table does not cover (fio has hundreds). */
    private static Map<String, String> verbatim(Node.MapNode map, String name) throws ConfigException {
        LinkedHashMap<String, String> extra = new LinkedHashMap<>();
        for (Node.Entry entry : map.entries().values()) {
            extra.put(entry.key(), (String) OptionType.TEXT.check(entry.value(), "workload." + name + "." + entry.key()));
        }
        return extra;
    }
}
