package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.SweepSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep matrix: zipped axes advance together, all other axes form a cartesian product in
 * the order they are written (the first axis varies slowest, as in a nested loop), and
 * combinations fully matching an {@code exclude} entry are dropped.
 */
public final class SweepExpander {

    private SweepExpander() {
    }

    public static List<Map<String, Object>> expand(SweepSpec sweep) {
        List<List<Map<String, Object>>> dimensions = new ArrayList<>();
        List<String> zipped = sweep.zip().stream().flatMap(List::stream).toList();
        for (String axis : sweep.axes().keySet()) {
            if (!zipped.contains(axis)) {
                List<Map<String, Object>> steps = new ArrayList<>();
                for (Object value : sweep.axes().get(axis)) {
                    steps.add(Map.of(axis, value));
                }
                dimensions.add(steps);
                continue;
            }
            List<String> group = sweep.zip().stream().filter(g -> g.contains(axis)).findFirst().orElseThrow();
            if (!group.get(0).equals(axis)) {
                continue; // the group is expanded once, at its first axis
            }
            List<Map<String, Object>> steps = new ArrayList<>();
            int length = sweep.axes().get(axis).size();
            for (int i = 0; i < length; i++) {
                Map<String, Object> step = new LinkedHashMap<>();
                for (String member : group) {
                    step.put(member, sweep.axes().get(member).get(i));
                }
                steps.add(step);
            }
            dimensions.add(steps);
        }
        List<Map<String, Object>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (List<Map<String, Object>> dimension : dimensions) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> prefix : combos) {
                for (Map<String, Object> step : dimension) {
                    Map<String, Object> combo = new LinkedHashMap<>(prefix);
                    combo.putAll(step);
                    next.add(combo);
                }
            }
            combos = next;
        }
        // Keep the written axis order in each combination regardless of zip grouping.
        List<Map<String, Object>> ordered = new ArrayList<>();
        for (Map<String, Object> combo : combos) {
            if (isExcluded(combo, sweep.exclude())) {
                continue;
            }
            Map<String, Object> inOrder = new LinkedHashMap<>();
            for (String axis : sweep.axes().keySet()) {
                inOrder.put(axis, combo.get(axis));
            }
            ordered.add(inOrder);
        }
        return ordered;
    }

    private static boolean isExcluded(Map<String, Object> combo, List<Map<String, Object>> exclude) {
        for (Map<String, Object> rule : exclude) {
            boolean all = rule.entrySet().stream()
                    .allMatch(e -> String.valueOf(combo.get(e.getKey())).equals(String.valueOf(e.getValue())));
            if (all) {
                return true;
            }
        }
        return false;
    }
}
