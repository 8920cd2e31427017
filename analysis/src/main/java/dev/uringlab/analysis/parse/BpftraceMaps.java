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
