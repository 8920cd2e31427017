package dev.uringlab.orchestrator.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selections a rank ({@code effect: highest|lowest}) compares, the candidate last. Either one
 * axis with its values, {@code {engine: [psync, libaio, posixaio]}}, or a list of selections for
 * configurations one axis cannot name (a zipped sweep whose axes repeat values):
 * {@code [{engine: psync}, {engine: io_uring, sqthread_poll: false}, {engine: io_uring, sqthread_poll: true}]}.
 */
final class RankedSelections {

    private RankedSelections() {
    }

    static List<Map<String, String>> parse(Node node, Map<String, String> where, Map<String, List<Object>> axes)
            throws ConfigException {
        List<Map<String, String>> out = new ArrayList<>();
        if (node instanceof Node.MapNode compare) {
            if (compare.entries().size() != 1) {
                throw new ConfigException(compare.position(), "expect.compare: name one swept axis with the values to rank,"
                        + " the candidate last, or write a list of selections");
            }
            Node.Entry c = compare.entries().values().iterator().next();
            notInWhere(c, where);
            Node.ListNode values = Nodes.list(c.value(), "expect.compare." + c.key());
            for (Node v : values.items()) {
                out.add(Map.of(c.key(), ExpectValidator.sweptValue(c.keyPosition(), c.key(), v, axes, "expect.compare")));
            }
        } else {
            for (Node item : Nodes.list(node, "expect.compare (one axis with its values, or a list of selections)").items()) {
                Node.MapNode selection = Nodes.map(item, "expect.compare selection");
                if (selection.entries().isEmpty()) {
                    throw new ConfigException(selection.position(), "expect.compare: an empty selection matches every run");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (Node.Entry e : selection.entries().values()) {
                    notInWhere(e, where);
                    values.put(e.key(), ExpectValidator.sweptValue(e.keyPosition(), e.key(), e.value(), axes, "expect.compare"));
                }
                out.add(values);
            }
        }
        if (out.size() < 2) {
            throw new ConfigException(node.position(), "expect.compare: a rank needs at least two selections, got " + out.size());
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (overlap(out.get(i), out.get(j))) {
                    throw new ConfigException(node.position(), "expect.compare: the selections " + out.get(j) + " and "
                            + out.get(i) + " can match the same run; make them differ in one axis");
                }
            }
        }
        return out;
    }

    /** Disjoint only if some axis both name has different values in each. */
    private static boolean overlap(Map<String, String> a, Map<String, String> b) {
        return a.entrySet().stream().noneMatch(e -> b.containsKey(e.getKey()) && !b.get(e.getKey()).equals(e.getValue()));
    }

    private static void notInWhere(Node.Entry e, Map<String, String> where) throws ConfigException {
        if (where.containsKey(e.key())) {
            throw new ConfigException(e.keyPosition(), "expect.compare: '" + e.key() + "' is also fixed in where:");
        }
    }
}
