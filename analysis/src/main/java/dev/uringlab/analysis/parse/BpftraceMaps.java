package dev.uringlab.analysis.parse;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maps bpftrace printed at exit: map name (with its {@code @}) to key to value.
 *
 * <p>Key conventions: a scalar map ({@code @x = count()}) has the single key {@code ""};
 * multi-key maps keep bpftrace's own comma-joined key ({@code "1,RS"}); histogram buckets are
 * {@code "[min, max]"} (inclusive, as bpftrace reports them; open ends are {@code -inf}/{@code inf}),
 * prefixed by the map key for keyed histograms ({@code "0,[4096, 8191]"}); stats/avg maps
 * give {@code count}, {@code average}, {@code total} (or {@code ""} for avg).
 */
public record BpftraceMaps(Map<String, Map<String, Long>> maps) {

    public BpftraceMaps {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        maps.forEach((name, values) -> copy.put(name, Map.copyOf(values)));
        maps = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * What was counted between {@code earlier} and this dump of the same running program: every
     * value minus its earlier value, zeros dropped (as a map that never fired is not printed).
     * Counts and histogram buckets only grow, so a value that went down means the maps do not
     * come from one program run, and the difference is refused.
     */
    public BpftraceMaps minus(BpftraceMaps earlier) {
        Map<String, Map<String, Long>> delta = new LinkedHashMap<>();
        maps.forEach((name, values) -> {
            Map<String, Long> before = earlier.map(name);
            Map<String, Long> diff = new LinkedHashMap<>();
            values.forEach((key, value) -> {
                long d = value - before.getOrDefault(key, 0L);
                if (d < 0) {
                    throw new IllegalArgumentException(name + "[" + key + "] went from " + before.get(key) + " to "
                            + value + ": not two dumps of one program run");
                }
                if (d != 0) {
                    diff.put(key, d);
                }
            });
            if (!diff.isEmpty()) {
                delta.put(name, diff);
            }
        });
        earlier.maps.forEach((name, values) -> values.forEach((key, value) -> {
            if (value != 0 && !map(name).containsKey(key)) {
                throw new IllegalArgumentException(name + "[" + key + "] disappeared: not two dumps of one program run");
            }
        }));
        return new BpftraceMaps(delta);
    }

    public Map<String, Long> map(String name) {
        return maps.getOrDefault(name, Map.of());
    }

    /**
     * Groups maps by probe id: {@code @<id>} keeps its keys; {@code @<id>_<suffix>} contributes
     * its keys as {@code "<suffix>:<key>"} (so {@code @kick_process_callsite["task_work_add"]}
     * becomes {@code kick_process -> "callsite:task_work_add"}). When ids share a prefix the
     * longest id wins. Every requested id is present, with an empty map when nothing was
     * printed for it (bpftrace prints empty maps as blank lines), so "zero" stays visible.
     */
    public Map<String, Map<String, Long>> byProbe(Collection<String> probeIds) {
        List<String> longestFirst = probeIds.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        probeIds.forEach(id -> result.put(id, new LinkedHashMap<>()));
        maps.forEach((mapName, values) -> {
            String name = mapName.startsWith("@") ? mapName.substring(1) : mapName;
            for (String id : longestFirst) {
                if (name.equals(id)) {
                    result.get(id).putAll(values);
                    return;
                }
                if (name.startsWith(id + "_")) {
                    String prefix = name.substring(id.length() + 1) + ":";
                    values.forEach((key, value) -> result.get(id).put(prefix + key, value));
                    return;
                }
            }
        });
        result.replaceAll((id, values) -> Map.copyOf(values));
        return result;
    }
}
