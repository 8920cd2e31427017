package dev.uringlab.analysis.compare;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two result sets from different sources (an imported thesis capture and a new sweep, two kernels)
 * paired configuration by configuration on the parameters they share. An import knows fewer
 * parameters than a sweep (fio's header has no runtime; the sweep has no "file name" parameter), so
 * runs are matched on the shared parameters that vary in either set; a shared parameter that is
 * constant in both but differs (runtime 2 vs 10 s) does not prevent the match but is reported, so
 * the figure says what it compares.
 *
 * @param matchKeys   the parameters the configurations are matched on, in B's order
 * @param differences shared constant parameters whose values differ: key → "A value vs B value"
 * @param matched     configurations present in both, in B's order
 * @param onlyA       configurations only A has, as labels
 * @param onlyB       configurations only B has, as labels
 */
public record SourceMatch(String labelA, String labelB, List<String> matchKeys, Map<String, String> differences,
                          List<Pair> matched, List<String> onlyA, List<String> onlyB) {

    /** One configuration and the runs each source has of it (successful runs only). */
    public record Pair(Map<String, Object> config, List<RunRecord> a, List<RunRecord> b) {

        public String label() {
            return config.isEmpty() ? "all runs" : Group.labelOf(config);
        }
    }

    public static SourceMatch of(String labelA, List<RunRecord> runsA, String labelB, List<RunRecord> runsB) {
        List<RunRecord> a = runsA.stream().filter(RunRecord::ok).toList();
        List<RunRecord> b = runsB.stream().filter(RunRecord::ok).toList();
        Set<String> shared = keysOfEvery(b);
        shared.retainAll(keysOfEvery(a));
        List<String> keys = new ArrayList<>();
        Map<String, String> differences = new LinkedHashMap<>();
        for (String key : shared) {
            Set<String> va = values(a, key);
            Set<String> vb = values(b, key);
            if (va.size() > 1 || vb.size() > 1) {
                keys.add(key);
            } else if (!va.equals(vb)) {
                differences.put(key, String.join("/", va) + " vs " + String.join("/", vb));
            }
        }
        Map<String, List<RunRecord>> byA = byConfig(a, keys);
        Map<String, List<RunRecord>> byB = byConfig(b, keys);
        List<Pair> matched = new ArrayList<>();
        List<String> onlyB = new ArrayList<>();
        for (Map.Entry<String, List<RunRecord>> e : byB.entrySet()) {
            List<RunRecord> fromA = byA.get(e.getKey());
            Map<String, Object> config = config(e.getValue().get(0), keys);
            if (fromA == null) {
                onlyB.add(Group.labelOf(config));
            } else {
                matched.add(new Pair(config, fromA, e.getValue()));
            }
        }
        List<String> onlyA = new ArrayList<>();
        byA.forEach((k, runs) -> {
            if (!byB.containsKey(k)) {
                onlyA.add(Group.labelOf(config(runs.get(0), keys)));
            }
        });
        return new SourceMatch(labelA, labelB, List.copyOf(keys), differences, List.copyOf(matched), List.copyOf(onlyA),
                List.copyOf(onlyB));
    }

    /** "matched on iodepth, cpus (8 configurations); differs: runtime 2 vs 10; only in thesis capture: …" */
    public String describe() {
        StringBuilder s = new StringBuilder(matched.size() + " configuration(s) in both, matched on "
                + (matchKeys.isEmpty() ? "nothing (one configuration each)" : String.join(", ", matchKeys)));
        if (!differences.isEmpty()) {
            List<String> d = new ArrayList<>();
            differences.forEach((k, v) -> d.add(k + " " + v));
            s.append("; not matched, differs (").append(labelA).append(" vs ").append(labelB).append("): ")
                    .append(String.join(", ", d));
        }
        if (!onlyA.isEmpty()) {
            s.append("; only in ").append(labelA).append(": ").append(String.join("; ", onlyA));
        }
        if (!onlyB.isEmpty()) {
            s.append("; only in ").append(labelB).append(": ").append(String.join("; ", onlyB));
        }
        return s.toString();
    }

    private static Set<String> keysOfEvery(List<RunRecord> runs) {
        Set<String> keys = null;
        for (RunRecord r : runs) {
            if (keys == null) {
                keys = new LinkedHashSet<>(r.params().keySet());
            } else {
                keys.retainAll(r.params().keySet());
            }
        }
        return keys == null ? new LinkedHashSet<>() : keys;
    }

    private static Set<String> values(List<RunRecord> runs, String key) {
        Set<String> values = new LinkedHashSet<>();
        runs.forEach(r -> values.add(text(r.params().get(key))));
        return values;
    }

    /** Parameters compare as text: an import's iodepth 16 (a long) is a sweep's 16 (an int). */
    private static String text(Object value) {
        return String.valueOf(value);
    }

    private static Map<String, List<RunRecord>> byConfig(List<RunRecord> runs, List<String> keys) {
        Map<String, List<RunRecord>> by = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            StringBuilder k = new StringBuilder();
            keys.forEach(key -> k.append(key).append('=').append(text(r.params().get(key))).append('\u0000'));
            by.computeIfAbsent(k.toString(), x -> new ArrayList<>()).add(r);
        }
        return by;
    }

    private static Map<String, Object> config(RunRecord r, List<String> keys) {
        Map<String, Object> config = new LinkedHashMap<>();
        keys.forEach(k -> config.put(k, r.params().get(k)));
        return config;
    }
}
