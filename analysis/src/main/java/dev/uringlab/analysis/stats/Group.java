package dev.uringlab.analysis.stats;

import dev.uringlab.analysis.model.RunRecord;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The repetitions of one configuration.
 *
 * @param swept the values of the swept axes only, in sweep order: what tells this group from the others
 */
public record Group(Map<String, Object> swept, List<RunRecord> runs) {

    public Group {
        swept = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(swept));
        runs = List.copyOf(runs);
    }

    public double[] values(String measure) {
        return runs.stream().mapToDouble(r -> Measures.value(r, measure)).toArray();
    }

    public Summary summary(String measure) {
        return Summary.of(values(measure));
    }

    public Object get(String axis) {
        return swept.get(axis);
    }

    /** "iodepth=16, cpus=irq"; "all runs" when nothing was swept. */
    public String label() {
        return swept.isEmpty() ? "all runs" : labelOf(swept);
    }

    public static String labelOf(Map<String, Object> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
