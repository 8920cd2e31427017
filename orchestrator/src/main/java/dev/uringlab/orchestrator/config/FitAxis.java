package dev.uringlab.orchestrator.config;

import dev.uringlab.analysis.verdict.Effect;
import dev.uringlab.analysis.verdict.Fits;

import java.util.List;
import java.util.Map;

/**
 * {@code over: AXIS} of an expect entry: the numeric swept axis a metric is fitted against. A fit
 * compares slopes (with compare:, effect higher/lower or a relative change) or checks
 * {@code linear} (without compare:); it needs two values of the axis for a slope, three for a line.
 */
final class FitAxis {

    private FitAxis() {
    }

    /** The axis, or null without {@code over:}; refuses what a fit cannot decide, at file:line:col. */
    static String validate(Node.Entry overEntry, Node.Entry effectEntry, Effect effect, String compared,
                           Map<String, String> where, Map<String, List<Object>> axes) throws ConfigException {
        if (overEntry == null) {
            if (effect instanceof Effect.Linear) {
                throw new ConfigException(effectEntry.value().position(), "expect.effect: '" + effect.text()
                        + "' needs over: AXIS, the numeric swept axis to fit the metric against");
            }
            return null;
        }
        Node value = overEntry.value();
        if (!(value instanceof Node.ScalarNode s) || !(s.value() instanceof String over)) {
            throw new ConfigException(value.position(), "expect.over: expected one axis name, got " + value.kind());
        }
        List<Object> values = axes.get(over);
        if (values == null) {
            throw new ConfigException(value.position(), "expect.over: '" + over + "' is not a swept axis"
                    + Suggestions.hint(over, axes.keySet()));
        }
        if (where.containsKey(over) || over.equals(compared)) {
            throw new ConfigException(value.position(), "expect.over: '" + over + "' is fitted against, so it cannot also be"
                    + (over.equals(compared) ? " compared" : " fixed in where:"));
        }
        for (Object v : values) {
            try {
                Fits.number(String.valueOf(v), over);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(value.position(), "expect." + e.getMessage());
            }
        }
        boolean linear = effect instanceof Effect.Linear;
        if (!linear && !(effect instanceof Effect.Direction) && !(effect instanceof Effect.Relative)) {
            throw new ConfigException(effectEntry.value().position(), "expect.effect: '" + effect.text() + "' does not"
                    + " apply to a fit; with over: compare slopes (higher, lower, '>= 20% more') or write linear");
        }
        if (linear == (compared != null)) {
            throw new ConfigException(effectEntry.value().position(), linear
                    ? "expect.effect: 'linear' checks one selection: remove compare:, or compare slopes with higher/lower"
                    : "expect.effect: '" + effect.text() + "' over " + over + " compares two slopes: add compare: {AXIS: [baseline, treatment]}");
        }
        int needed = linear ? 3 : 2;
        if (values.size() < needed) {
            throw new ConfigException(value.position(), "expect.over: " + over + " has " + values.size() + " value(s); "
                    + (linear ? "a line is only tested by 3 or more" : "a slope needs 2 or more"));
        }
        return over;
    }
}
