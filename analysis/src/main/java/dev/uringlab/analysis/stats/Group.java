package dev.uringlab.analysis.stats;

import dev.uringlab.analysis.model.RunRecord;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The repetitions of one configuration. Summaries are computed once per measure: the tables,
 * findings and every figure ask for the same ones (the IOPS of a group some ten times).
 */
public final class Group {

    private final Map<String, Object> swept;
    private final List<RunRecord> runs;
    private final Map<String, Summary> summaries = new ConcurrentHashMap<>();

    /** @param swept the values of the swept axes only, in sweep order: what tells this group from the others */
    public Group(Map<String, Object> swept, List<RunRecord> runs) {
        this.swept = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(swept));
        this.runs = List.copyOf(runs);
    }

    public Map<String, Object> swept() {
        return swept;
    }

    public List<RunRecord> runs() {
        return runs;
    }

    public double[] values(String measure) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Measures.value(runs.get(i), measure);
        }
        return v;
    }

    public Summary summary(String measure) {
        Summary s = summaries.get(measure);
        if (s == null) {
            s = Summary.of(values(measure));
            summaries.putIfAbsent(measure, s);
        }
        return s;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Group g && g.swept.equals(swept) && g.runs.equals(runs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(swept, runs);
    }

    @Override
    public String toString() {
        return "Group[" + label() + ", " + runs.size() + " runs]";
    }
}
