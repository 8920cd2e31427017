package dev.uringlab.analysis.stats;

import dev.uringlab.analysis.model.RunRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Groups successful runs into configurations: runs whose parameters are all equal are
 * repetitions of one configuration. Failed runs are left out of every statistic (they have no
 * metrics) and reported separately.
 */
public final class Grouping {

    private final List<String> axes;
    private final List<Group> groups;

    private Grouping(List<String> axes, List<Group> groups) {
        this.axes = List.copyOf(axes);
        this.groups = List.copyOf(groups);
    }

    /** @param sweptAxes the axes in sweep order, or an empty list to infer them from the runs */
    public static Grouping of(List<RunRecord> runs, List<String> sweptAxes) {
        List<RunRecord> ok = runs.stream().filter(RunRecord::ok).toList();
        List<String> axes = sweptAxes.isEmpty() ? inferAxes(runs) : sweptAxes;
        Map<Map<String, Object>, List<RunRecord>> byParams = new LinkedHashMap<>();
        for (RunRecord run : ok) {
            byParams.computeIfAbsent(run.params(), p -> new ArrayList<>()).add(run);
        }
        List<Group> groups = new ArrayList<>();
        byParams.forEach((params, members) -> {
            Map<String, Object> swept = new LinkedHashMap<>();
            axes.forEach(a -> swept.put(a, params.get(a)));
            members.sort(Comparator.comparingInt(RunRecord::repetition));
            groups.add(new Group(swept, members));
        });
        return new Grouping(axes, groups);
    }

    /** Only the groups with this value on this axis (one facet of a figure). */
    public Grouping where(String axis, Object value) {
        return new Grouping(axes, groups.stream()
                .filter(g -> String.valueOf(g.get(axis)).equals(String.valueOf(value))).toList());
    }

    public List<String> axes() {
        return axes;
    }

    public List<Group> groups() {
        return groups;
    }

    /** The distinct values of an axis, in the order the sweep ran them. */
    public List<Object> values(String axis) {
        Set<Object> seen = new LinkedHashSet<>();
        groups.forEach(g -> seen.add(g.get(axis)));
        return new ArrayList<>(seen);
    }

    /** The group with exactly these values on the given axes (other axes free); null when absent or ambiguous. */
    public Group find(Map<String, Object> values) {
        Group found = null;
        for (Group g : groups) {
            boolean match = values.entrySet().stream().allMatch(e -> Objects.equals(String.valueOf(g.get(e.getKey())), String.valueOf(e.getValue())));
            if (match) {
                if (found != null) {
                    return null;
                }
                found = g;
            }
        }
        return found;
    }

    /**
     * Parameters that vary between runs, ordered as they appear in the run ids, which the
     * sweep builds from its axes in order ("iodepth-16_cpus-irq_r1_…"); parameter order otherwise.
     */
    static List<String> inferAxes(List<RunRecord> runs) {
        Map<String, Set<String>> distinct = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            run.params().forEach((k, v) -> distinct.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(String.valueOf(v)));
        }
        List<String> varying = new ArrayList<>(distinct.entrySet().stream()
                .filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList());
        if (runs.isEmpty()) {
            return varying;
        }
        String id = runs.get(0).runId();
        varying.sort(Comparator.comparingInt(axis -> {
            int at = id.indexOf(axis.replaceAll("[^A-Za-z0-9.]+", "") + "-");
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return varying;
    }
}
