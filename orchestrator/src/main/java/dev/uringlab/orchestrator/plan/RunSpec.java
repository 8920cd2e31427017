package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.HostSpec;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.config.WorkloadOptions;
import dev.uringlab.orchestrator.config.WorkloadSpec;
import dev.uringlab.orchestrator.host.CpuList;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One run of the sweep, fully resolved once by the planner: the swept values, the effective
 * workload options (as a table for ids and columns, and as the kind's typed record), the
 * symbolic CPU set and the CPUs it resolved to on this host, and the host settings of this run.
 *
 * @param host the run's own host changes (its swept {@code host.KEY} values), applied before it and undone after
 */
public record RunSpec(
        String experiment,
        String runId,
        int index,
        int repetition,
        Map<String, Object> swept,
        WorkloadSpec workload,
        WorkloadOptions options,
        String cpuSet,
        SortedSet<Integer> cpus,
        HostSpec host,
        TargetSpec target) {

    public RunSpec {
        swept = Collections.unmodifiableMap(new LinkedHashMap<>(swept));
        cpus = Collections.unmodifiableSortedSet(cpus);
    }

    /** The typed options as the kind's own record; a workload asks for the record of its own kind. */
    public <T extends WorkloadOptions> T options(Class<T> type) {
        return type.cast(options);
    }

    /**
     * The resolved CPUs in the order the experiment wrote them when it gave an explicit list
     * ("1,0"), else ascending. Tools that place threads by list position (ringbench) need it.
     */
    public List<Integer> cpuOrder() {
        if (cpuSet != null && cpuSet.matches("[0-9][0-9,\\- ]*")) {
            List<Integer> written = CpuList.parseInOrder(cpuSet);
            if (new TreeSet<>(written).equals(cpus)) {
                return written;
            }
        }
        return List.copyOf(cpus);
    }

    /** The swept {@code host.KEY} values of this run ("leave" included): what it changes on the host for itself. */
    public Map<String, Object> hostSwept() {
        Map<String, Object> host = new LinkedHashMap<>();
        swept.forEach((k, v) -> {
            if (k.startsWith(HostSpec.SWEPT_PREFIX)) {
                host.put(k, v);
            }
        });
        return host;
    }

    /** "host.max_idle_latency_us=0 host.turbo=off" for plan lines. */
    public static String describe(Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(out.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return out.toString();
    }

    /** Every parameter of the run for tables: workload options (extra excluded), the CPU set and swept host settings. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        workload.options().forEach((k, v) -> {
            // Nested options (fio's extra, a command's args/env/parse) are in the manifest, not in table columns.
            if (!(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
                params.put(k, v);
            }
        });
        params.put("cpus", cpuSet);
        params.putAll(hostSwept());
        return params;
    }

    /** "qd=16 cpus=non-irq" for progress lines: only what the sweep varies. */
    public String label() {
        StringBuilder out = new StringBuilder();
        swept.forEach((k, v) -> out.append(out.length() == 0 ? "" : " ").append(shortName(k)).append('=').append(v));
        if (out.length() == 0) {
            out.append(experiment);
        }
        return out.toString();
    }

    private static String shortName(String axis) {
        String name = HostSpec.shortAxisName(axis);
        return name.equals("iodepth") ? "qd" : name;
    }
}
