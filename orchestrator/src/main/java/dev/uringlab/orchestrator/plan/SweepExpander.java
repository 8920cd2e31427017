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
 *
 * <p>Combinations are computed from their position in the matrix ({@link Matrix#combination}),
 * never stored all at once: a sweep of a million runs is a few axis lists, not a million maps.
 */
public final class SweepExpander {

    private SweepExpander() {
    }

    /** Every kept combination, in order; for small sweeps and tests (the planner walks the {@link Matrix}). */
    public static List<Map<String, Object>> expand(SweepSpec sweep) {
        Matrix matrix = matrix(sweep);
        List<Map<String, Object>> kept = new ArrayList<>();
        for (long i = 0; i < matrix.size(); i++) {
            Map<String, Object> combo = matrix.combination(i);
            if (!matrix.excluded(combo)) {
                kept.add(combo);
            }
        }
        return kept;
    }

    public static Matrix matrix(SweepSpec sweep) {
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
        return new Matrix(List.copyOf(sweep.axes().keySet()), dimensions, sweep.exclude());
    }

    /**
     * The matrix as a mixed-radix number: position {@code i} decodes to one combination (the last
     * dimension is the fastest digit), exclusions not yet applied.
     */
    public static final class Matrix {
        private final List<String> axisOrder;
        private final List<List<Map<String, Object>>> dimensions;
        private final List<Map<String, Object>> exclude;
        private final long size;

        private Matrix(List<String> axisOrder, List<List<Map<String, Object>>> dimensions,
                       List<Map<String, Object>> exclude) {
            this.axisOrder = axisOrder;
            this.dimensions = dimensions;
            this.exclude = exclude;
            long n = 1;
            for (List<Map<String, Object>> d : dimensions) {
                n = d.isEmpty() || n > Long.MAX_VALUE / d.size() ? (d.isEmpty() ? 0 : Long.MAX_VALUE) : n * d.size();
            }
            this.size = n;
        }

        /** Combinations before exclusion (saturates at Long.MAX_VALUE). */
        public long size() {
            return size;
        }

        public boolean hasExclusions() {
            return !exclude.isEmpty();
        }

        /** The combination at {@code position}, its axes in the written order regardless of zip grouping. */
        public Map<String, Object> combination(long position) {
            long rest = position;
            Map<String, Object> byAxis = new LinkedHashMap<>();
            for (int d = dimensions.size() - 1; d >= 0; d--) {
                List<Map<String, Object>> dimension = dimensions.get(d);
                byAxis.putAll(dimension.get((int) (rest % dimension.size())));
                rest /= dimension.size();
            }
            Map<String, Object> inOrder = new LinkedHashMap<>();
            for (String axis : axisOrder) {
                inOrder.put(axis, byAxis.get(axis));
            }
            return inOrder;
        }

        public boolean excluded(Map<String, Object> combo) {
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
}
