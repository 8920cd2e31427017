package dev.uringlab.orchestrator.config;

import java.util.Map;

/**
 * The workload kind and its options (typed, validated as far as the kind's table goes), before the
 * sweep varies them. The options keep the written order: run ids, table columns and the plan show
 * them in it.
 */
public record WorkloadSpec(WorkloadKind type, LocatedValues located) {

    public String kind() {
        return type.name();
    }

    public Map<String, Object> options() {
        return located.values();
    }

    public WorkloadSpec with(Map<String, Object> overrides) {
        return with(overrides, Map.of());
    }

    /** @param where where each override was written (a sweep axis), for errors */
    public WorkloadSpec with(Map<String, Object> overrides, Map<String, Node.Position> where) {
        return new WorkloadSpec(type, located.with(overrides, where));
    }

    /** The typed options, or why the kind refuses them. */
    public WorkloadOptions typed() throws ConfigException {
        return type.options(located);
    }
}
