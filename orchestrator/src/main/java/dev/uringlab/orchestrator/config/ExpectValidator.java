package dev.uringlab.orchestrator.config;

import dev.uringlab.analysis.verdict.Effect;
import dev.uringlab.analysis.verdict.Expectation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment's {@code expect:} entries: each claim checked against the experiment's own sweep
 * (the axes and values it names must be swept), with file:line:col on every refusal.
 */
final class ExpectValidator {

    static final Set<String> KEYS = Set.of("claim", "source", "where", "compare", "over", "metric", "effect");

    private ExpectValidator() {
    }

    static List<Expectation> validate(Node.Entry entry, Experiment experiment) throws ConfigException {
        if (entry == null) {
            return List.of();
        }
        List<Expectation> out = new ArrayList<>();
        for (Node item : Nodes.list(entry.value(), "expect").items()) {
            out.add(one(Nodes.map(item, "expect entry"), experiment));
        }
        return out;
    }

    private static Expectation one(Node.MapNode map, Experiment experiment) throws ConfigException {
        Nodes.checkKeys(map, KEYS, "expect entry");
        Map<String, List<Object>> axes = experiment.sweep().axes();
        String claim = required(map, "claim");
        String source = required(map, "source");
        String metric = required(map, "metric");
        checkMetric(map.entries().get("metric"), metric, experiment);
        Map<String, String> where = new LinkedHashMap<>();
        Node.Entry whereEntry = map.entries().get("where");
        if (whereEntry != null) {
            for (Node.Entry w : Nodes.map(whereEntry.value(), "expect.where").entries().values()) {
                where.put(w.key(), sweptValue(w.keyPosition(), w.key(), w.value(), axes, "expect.where"));
            }
        }
        Node.Entry effectEntry = map.entries().get("effect");
        Effect effect;
        try {
            effect = Effect.parse(required(map, "effect"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(effectEntry.value().position(), "expect.effect: " + e.getMessage());
        }
        String axis = null;
        String baseline = null;
        String treatment = null;
        List<Map<String, String>> ranked = List.of();
        Node.Entry compareEntry = map.entries().get("compare");
        if (effect instanceof Effect.Rank) {
            if (compareEntry == null) {
                throw new ConfigException(effectEntry.value().position(), "expect.effect: '" + effect.text()
                        + "' ranks selections: add compare: {AXIS: [v1, v2, ..., candidate]} or a list of selections,"
                        + " the candidate last");
            }
            ranked = RankedSelections.parse(compareEntry.value(), where, axes);
        } else if (compareEntry != null) {
            Node.MapNode compare = Nodes.map(compareEntry.value(), "expect.compare");
            if (compare.entries().size() != 1) {
                throw new ConfigException(compare.position(), "expect.compare: name one swept axis with its two values,"
                        + " baseline first, e.g. {coop_taskrun: [false, true]}");
            }
            Node.Entry c = compare.entries().values().iterator().next();
            axis = c.key();
            if (where.containsKey(axis)) {
                throw new ConfigException(c.keyPosition(), "expect.compare: '" + axis + "' is also fixed in where:");
            }
            Node.ListNode pair = Nodes.list(c.value(), "expect.compare." + axis);
            if (pair.items().size() != 2) {
                throw new ConfigException(pair.position(), "expect.compare." + axis + ": expected two values"
                        + " [baseline, treatment], got " + pair.items().size()
                        + (pair.items().size() > 2 ? " (to rank more than two, write effect: highest or lowest)" : ""));
            }
            baseline = sweptValue(c.keyPosition(), axis, pair.items().get(0), axes, "expect.compare");
            treatment = sweptValue(c.keyPosition(), axis, pair.items().get(1), axes, "expect.compare");
            if (baseline.equals(treatment)) {
                throw new ConfigException(pair.position(), "expect.compare." + axis + ": the two values are the same");
            }
        }
        String over = FitAxis.validate(map.entries().get("over"), effectEntry, effect, axis, where, axes);
        if (axis == null && ranked.isEmpty() && over == null && !(effect instanceof Effect.Absolute)) {
            throw new ConfigException(effectEntry.value().position(), "expect.effect: '" + effect.text()
                    + "' compares two values: add compare: {AXIS: [baseline, treatment]}, or give a bound such as '< 0.01'");
        }
        if (axis != null && effect instanceof Effect.Absolute) {
            throw new ConfigException(effectEntry.value().position(), "expect.effect: '" + effect.text()
                    + "' is an absolute bound; with compare: write higher, lower, '>= 90% fewer', 'within ±5%' or '<= +250'");
        }
        return new Expectation(experiment.name(), claim, source, where, axis, baseline, treatment, metric, effect, ranked, over);
    }

    private static String required(Node.MapNode map, String key) throws ConfigException {
        Node.Entry e = map.entries().get(key);
        if (e == null) {
            throw new ConfigException(map.position(), "expect entry: missing '" + key + "'");
        }
        Node value = e.value();
        if (value instanceof Node.ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
            String text = s.value().toString().trim();
            if (!text.isEmpty()) {
                return text;
            }
        }
        throw new ConfigException(value.position(), "expect." + key + ": expected text, got " + value.kind());
    }

    /** Per-I/O and keyed probe columns must belong to a probe the experiment attaches. */
    private static void checkMetric(Node.Entry entry, String metric, Experiment experiment) throws ConfigException {
        int bracket = metric.indexOf('[');
        String base = bracket >= 0 ? metric.substring(0, bracket) : metric;
        if (!base.endsWith("_per_io") && bracket < 0) {
            return;
        }
        String probe = base.endsWith("_per_io") ? base.substring(0, base.length() - "_per_io".length()) : base;
        if (!experiment.probes().contains(probe)) {
            throw new ConfigException(entry.value().position(), "expect.metric: " + metric + " needs probe '" + probe
                    + "', which this experiment does not attach; add it to probes:" + Suggestions.hint(probe, experiment.probes()));
        }
    }

    static String sweptValue(Node.Position at, String axis, Node value, Map<String, List<Object>> axes,
                                     String where) throws ConfigException {
        List<Object> swept = axes.get(axis);
        if (swept == null) {
            throw new ConfigException(at, where + ": '" + axis + "' is not a swept axis"
                    + Suggestions.hint(axis, axes.keySet()) + (axes.isEmpty() ? "" : "; swept: " + String.join(", ", axes.keySet())));
        }
        if (!(value instanceof Node.ScalarNode s) || s.value() == null) {
            throw new ConfigException(value.position(), where + "." + axis + ": expected one value, got " + value.kind());
        }
        String text = s.value().toString();
        List<String> values = swept.stream().map(String::valueOf).toList();
        if (!values.contains(text)) {
            throw new ConfigException(value.position(), where + "." + axis + ": " + text + " is not among the swept values "
                    + values);
        }
        return text;
    }
}
