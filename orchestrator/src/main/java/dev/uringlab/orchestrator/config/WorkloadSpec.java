package dev.uringlab.orchestrator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The workload kind and its options (typed, validated), before the sweep varies them. */
public record WorkloadSpec(String kind, Map<String, Object> options) {

    public WorkloadSpec {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public WorkloadSpec with(Map<String, Object> overrides) {
        LinkedHashMap<String, Object> merged = new LinkedHashMap<>(options);
        merged.putAll(overrides);
        return new WorkloadSpec(kind, merged);
    }
}
