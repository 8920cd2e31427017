package dev.uringlab.orchestrator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweep axes form a cartesian product, except axes named together in one {@code zip} group,
 * which advance in lock-step; {@code exclude} entries drop the combinations they fully match.
 */
public record SweepSpec(Map<String, List<Object>> axes, List<List<String>> zip, List<Map<String, Object>> exclude,
                        Map<String, Node.Position> positions) {

    /** @param positions where each axis is written, for errors about its values */
    public SweepSpec {
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
        zip = List.copyOf(zip);
        exclude = List.copyOf(exclude);
        positions = Map.copyOf(positions);
    }

    public SweepSpec(Map<String, List<Object>> axes, List<List<String>> zip, List<Map<String, Object>> exclude) {
        this(axes, zip, exclude, Map.of());
    }

    public static SweepSpec none() {
        return new SweepSpec(Map.of(), List.of(), List.of());
    }
}
