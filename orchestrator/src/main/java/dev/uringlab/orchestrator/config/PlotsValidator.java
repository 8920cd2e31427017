package dev.uringlab.orchestrator.config;

import dev.uringlab.analysis.plot.PlotSpec;
import dev.uringlab.analysis.plot.PlotType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates {@code plots:}: figure types, and that x/series/facet name axes the sweep really has. */
final class PlotsValidator {

    private static final Set<String> KEYS = Set.of("name", "type", "y", "x", "series", "facet", "log", "per_io",
            "baseline");

    private PlotsValidator() {
    }

    static List<PlotSpec> validate(Node node, Set<String> sweptAxes) throws ConfigException {
        Node.ListNode list = Nodes.list(node, "plots");
        List<PlotSpec> plots = new ArrayList<>();
        for (Node item : list.items()) {
            Node.MapNode map = Nodes.map(item, "plots entry");
            Nodes.checkKeys(map, KEYS, "plots entry");
            Map<String, Node.Entry> p = map.entries();
            if (!p.containsKey("type") || !p.containsKey("y")) {
                throw new ConfigException(map.position(), "plots: each figure needs 'type:' (" + PlotType.names()
                        + ") and 'y:' (a metric or probe, or a list of them)");
            }
            String typeName = Nodes.string(p.get("type").value(), "plots.type");
            PlotType type = PlotType.parse(typeName);
            if (type == null) {
                throw new ConfigException(p.get("type").value().position(), "plots.type: '" + typeName
                        + "' is not one of " + PlotType.names() + Suggestions.hint(typeName, List.of(PlotType.names().split(", "))));
            }
            List<String> y = new ArrayList<>();
            if (p.get("y").value() instanceof Node.ListNode ys) {
                for (Node one : ys.items()) {
                    y.add(Nodes.string(one, "plots.y"));
                }
            } else {
                y.add(Nodes.string(p.get("y").value(), "plots.y"));
            }
            String x = axis(p, "x", sweptAxes);
            String series = axis(p, "series", sweptAxes);
            String facet = axis(p, "facet", sweptAxes);
            boolean log = p.containsKey("log") && (Boolean) OptionType.BOOL.check(p.get("log").value(), "plots.log");
            boolean perIo = p.containsKey("per_io") && (Boolean) OptionType.BOOL.check(p.get("per_io").value(), "plots.per_io");
            String baseline = p.containsKey("baseline") ? String.valueOf(((Node.ScalarNode) p.get("baseline").value()).value()) : null;
            String name = p.containsKey("name") ? Nodes.string(p.get("name").value(), "plots.name") : null;
            try {
                plots.add(new PlotSpec(name, type, y, x, series, facet, log, perIo, baseline));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(map.position(), "plots: " + e.getMessage());
            }
        }
        return plots;
    }

    private static String axis(Map<String, Node.Entry> p, String key, Set<String> sweptAxes) throws ConfigException {
        if (!p.containsKey(key)) {
            return null;
        }
        String axis = Nodes.string(p.get(key).value(), "plots." + key);
        if (!sweptAxes.contains(axis)) {
            throw new ConfigException(p.get(key).value().position(), "plots." + key + ": '" + axis
                    + "' is not a sweep axis of this experiment" + Suggestions.hint(axis, sweptAxes)
                    + (sweptAxes.isEmpty() ? " (it sweeps nothing)" : " (axes: " + String.join(", ", sweptAxes) + ")"));
        }
        return axis;
    }
}
