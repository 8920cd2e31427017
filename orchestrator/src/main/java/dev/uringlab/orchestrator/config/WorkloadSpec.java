package dev.uringlab.orchestrator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workload kind and its option table (typed, validated), before the sweep varies it. The
 * table keeps the written order: run ids, table columns and the plan show options in it.
 */
public record WorkloadSpec(WorkloadKind type, Map<String, Object> options) {

    public WorkloadSpec {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public String kind() {
        return type.name();
    }

    public WorkloadSpec with(Map<String, Object> overrides) {
        LinkedHashMap<String, Object> merged = new LinkedHashMap<>(options);
        merged.putAll(overrides);
        return new WorkloadSpec(type, merged);
    }

    /** The typed options of this table; IllegalArgumentException when the kind refuses them. */
    public WorkloadOptions typed() {
        return type.options(options);
    }
}
