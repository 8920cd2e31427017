package dev.uringlab.orchestrator.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/** Small typed accessors over {@link Node} that fail with file:line:col. */
final class Nodes {

    private Nodes() {
    }

    static Node.MapNode map(Node node, String what) throws ConfigException {
        if (node instanceof Node.MapNode m) {
            return m;
        }
        throw new ConfigException(node.position(), what + ": expected a mapping (key: value lines), got " + node.kind());
    }

    static Node.ListNode list(Node node, String what) throws ConfigException {
        if (node instanceof Node.ListNode l) {
            return l;
        }
        throw new ConfigException(node.position(), what + ": expected a list, got " + node.kind());
    }

    static String string(Node node, String what) throws ConfigException {
        if (node instanceof Node.ScalarNode s && s.value() instanceof String text) {
            return text;
        }
        throw new ConfigException(node.position(), what + ": expected a string, got " + node.kind());
    }

    static void checkKeys(Node.MapNode map, Set<String> allowed, String where) throws ConfigException {
        for (Node.Entry entry : map.entries().values()) {
            if (!allowed.contains(entry.key())) {
                throw new ConfigException(entry.keyPosition(), "unknown key '" + entry.key() + "' in " + where
                        + Suggestions.hint(entry.key(), allowed));
            }
        }
    }

    /** Experiment keys win over defaults; the mapping-valued keys in {@code deep} merge key by key. */
    static Node.MapNode mergeDefaults(Node.MapNode defaults, Node.MapNode experiment, Set<String> deep) {
        if (defaults == null) {
            return experiment;
        }
        LinkedHashMap<String, Node.Entry> merged = new LinkedHashMap<>(defaults.entries());
        for (Node.Entry entry : experiment.entries().values()) {
            Node.Entry base = merged.get(entry.key());
            if (base != null && deep.contains(entry.key())
                    && base.value() instanceof Node.MapNode baseMap && entry.value() instanceof Node.MapNode own) {
                LinkedHashMap<String, Node.Entry> inner = new LinkedHashMap<>(baseMap.entries());
                // A different workload kind means the default's options belong to another tool.
                if (isDifferentKind(baseMap, own)) {
                    inner.clear();
                }
                inner.putAll(own.entries());
                merged.put(entry.key(), new Node.Entry(entry.key(), entry.keyPosition(),
                        new Node.MapNode(own.position(), inner)));
            } else {
                merged.put(entry.key(), entry);
            }
        }
        return new Node.MapNode(experiment.position(), merged);
    }

    private static boolean isDifferentKind(Node.MapNode base, Node.MapNode own) {
        Node.Entry a = base.entries().get("kind");
        Node.Entry b = own.entries().get("kind");
        return a != null && b != null && a.value() instanceof Node.ScalarNode sa && b.value() instanceof Node.ScalarNode sb
                && !String.valueOf(sa.value()).equals(String.valueOf(sb.value()));
    }

    /** Returns a copy of {@code root} with the override's value placed at its path, creating mappings on the way. */
    static Node.MapNode set(Node.MapNode root, SetOverride override) throws ConfigException {
        Node.Position at = new Node.Position("--set " + override.original(), 0, 0);
        Node value = new YamlTreeReader("--set " + override.original()).read(override.valueText().isEmpty()
                ? "''" : override.valueText());
        value = relocate(value, at);
        return setPath(root, override.path(), 0, value, at);
    }

    private static Node.MapNode setPath(Node.MapNode map, List<String> path, int index, Node value, Node.Position at)
            throws ConfigException {
        String key = path.get(index);
        LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>(map.entries());
        if (index == path.size() - 1) {
            entries.put(key, new Node.Entry(key, at, value));
        } else {
            Node.Entry existing = entries.get(key);
            Node.MapNode child;
            if (existing == null) {
                child = new Node.MapNode(at, new LinkedHashMap<>());
            } else if (existing.value() instanceof Node.MapNode m) {
                child = m;
            } else {
                throw new ConfigException(at, "'" + String.join(".", path.subList(0, index + 1))
                        + "' is not a mapping, cannot set " + String.join(".", path));
            }
            entries.put(key, new Node.Entry(key, existing == null ? at : existing.keyPosition(),
                    setPath(child, path, index + 1, value, at)));
        }
        return new Node.MapNode(map.position(), entries);
    }

    private static Node relocate(Node node, Node.Position at) {
        if (node instanceof Node.ScalarNode s) {
            return new Node.ScalarNode(at, s.value());
        }
        if (node instanceof Node.ListNode l) {
            return new Node.ListNode(at, l.items().stream().map(n -> relocate(n, at)).toList());
        }
        Node.MapNode m = (Node.MapNode) node;
        LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
        m.entries().forEach((k, e) -> entries.put(k, new Node.Entry(k, at, relocate(e.value(), at))));
        return new Node.MapNode(at, entries);
    }

    /** The value as plain Java (LinkedHashMap, List, Long/Double/Boolean/String) for free-form workload options. */
    static Object plain(Node node) {
        if (node instanceof Node.ScalarNode s) {
            return s.value();
        }
        if (node instanceof Node.ListNode l) {
            return l.items().stream().map(Nodes::plain).toList();
        }
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        ((Node.MapNode) node).entries().forEach((k, e) -> map.put(k, plain(e.value())));
        return map;
    }
}
