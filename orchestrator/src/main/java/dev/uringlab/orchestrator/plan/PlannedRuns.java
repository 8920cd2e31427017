package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.Experiment;
import dev.uringlab.orchestrator.config.HostSpec;
import dev.uringlab.orchestrator.config.WorkloadOptions;
import dev.uringlab.orchestrator.config.WorkloadSpec;
import dev.uringlab.orchestrator.host.HostException;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * An experiment's runs as a list computed on demand: {@code get(i)} decodes the i-th kept
 * combination of the sweep matrix and builds its {@link RunSpec}, so a sweep of 10^6 runs costs
 * its axis lists plus the positions its {@code exclude} rules removed, not 10^6 specs (about
 * 5 KB each: 10^5 runs needed 551 MB planned at once). Every combination is still checked once,
 * when the list is made ({@link #of}), so a refused combination fails planning as before and
 * {@code get} cannot fail.
 */
final class PlannedRuns extends AbstractList<RunSpec> implements RandomAccess {

    /** Resolves a symbolic CPU set once per distinct value of the cpus axis. */
    interface CpuResolver {
        SortedSet<Integer> resolve(String cpuSet) throws HostException;
    }

    private final Experiment experiment;
    private final SweepExpander.Matrix matrix;
    private final long[] excluded; // sorted matrix positions dropped by exclude rules
    private final int size;
    private final String definingText;
    private final Map<String, SortedSet<Integer>> cpus;
    private final Set<Map<String, Object>> hostSettings;

    private PlannedRuns(Experiment experiment, SweepExpander.Matrix matrix, long[] excluded, int size, String definingText,
                        Map<String, SortedSet<Integer>> cpus, Set<Map<String, Object>> hostSettings) {
        this.experiment = experiment;
        this.matrix = matrix;
        this.excluded = excluded;
        this.size = size;
        this.definingText = definingText;
        this.cpus = cpus;
        this.hostSettings = hostSettings;
    }

    /**
     * Walks the whole matrix once, keeping only what later lookups need: the excluded positions,
     * the resolved CPU sets and the distinct swept host settings. Refuses what planning refused
     * when it built every run: a combination the workload kind rejects, a CPU set that does not
     * resolve, more runs than a list can index.
     */
    static PlannedRuns of(Experiment experiment, String definingText, CpuResolver resolver)
            throws ConfigException, HostException {
        SweepExpander.Matrix matrix = SweepExpander.matrix(experiment.sweep());
        long combos = matrix.size();
        long[] excluded = new long[0];
        int excludedCount = 0;
        Map<String, SortedSet<Integer>> cpus = new HashMap<>();
        Set<Map<String, Object>> hostSettings = new LinkedHashSet<>();
        for (long position = 0; position < combos; position++) {
            Map<String, Object> combo = matrix.combination(position);
            if (matrix.hasExclusions() && matrix.excluded(combo)) {
                if (excludedCount == excluded.length) {
                    excluded = Arrays.copyOf(excluded, Math.max(16, excluded.length * 2));
                }
                excluded[excludedCount++] = position;
                continue;
            }
            typed(experiment, combo, workloadOf(experiment, combo));
            String cpuSet = cpuSetOf(experiment, combo);
            if (!cpus.containsKey(cpuSet)) {
                try {
                    cpus.put(cpuSet, resolver.resolve(cpuSet));
                } catch (HostException e) {
                    throw new HostException("experiment '" + experiment.name() + "': " + e.getMessage());
                }
            }
            Map<String, Object> host = new LinkedHashMap<>();
            combo.forEach((k, v) -> {
                if (k.startsWith(HostSpec.SWEPT_PREFIX)) {
                    host.put(k, v);
                }
            });
            if (!host.isEmpty()) {
                hostSettings.add(host);
            }
        }
        long runs = (combos - excludedCount) * Math.max(1, experiment.repetitions());
        if (runs > Integer.MAX_VALUE - 8) {
            throw new ConfigException(experiment.position(), "experiment '" + experiment.name() + "' has "
                    + runs + " runs, more than one sweep can index; split it into several experiments");
        }
        return new PlannedRuns(experiment, matrix, Arrays.copyOf(excluded, excludedCount),
                (int) runs, definingText, cpus, hostSettings);
    }

    /** The distinct swept {@code host.KEY} settings, in order of first appearance. */
    Set<Map<String, Object>> hostSettings() {
        return hostSettings;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public RunSpec get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int repetitions = Math.max(1, experiment.repetitions());
        Map<String, Object> combo = matrix.combination(position(index / repetitions));
        int rep = index % repetitions + 1;
        WorkloadSpec workload = workloadOf(experiment, combo);
        String cpuSet = cpuSetOf(experiment, combo);
        WorkloadOptions options;
        try {
            options = typed(experiment, combo, workload);
        } catch (ConfigException e) {
            throw new IllegalStateException("accepted when planned, refused now: " + e.getMessage(), e);
        }
        // Sorted: writing the same options in another order must not orphan finished runs.
        String id = RunIds.of(combo, rep, definingText + new TreeMap<>(workload.options()) + cpuSet);
        return new RunSpec(experiment.name(), id, index + 1, rep, combo, workload, options, cpuSet, cpus.get(cpuSet),
                HostSpec.ofSwept(combo), experiment.target());
    }

    /** The matrix position of the k-th kept combination: the smallest p with p + 1 - excludedUpTo(p) = k + 1. */
    private long position(long kept) {
        if (excluded.length == 0) {
            return kept;
        }
        long lo = kept;
        long hi = kept + excluded.length;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (mid + 1 - excludedUpTo(mid) >= kept + 1) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private long excludedUpTo(long position) {
        int i = Arrays.binarySearch(excluded, position);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static String cpuSetOf(Experiment experiment, Map<String, Object> combo) {
        Object swept = combo.get("cpus");
        return swept != null ? (String) swept : experiment.cpus();
    }

    private static WorkloadSpec workloadOf(Experiment experiment, Map<String, Object> combo) {
        Map<String, Object> overrides = new LinkedHashMap<>(combo);
        overrides.keySet().removeIf(k -> k.startsWith(HostSpec.SWEPT_PREFIX) || k.equals("cpus"));
        return experiment.workload().with(overrides, experiment.sweep().positions());
    }

    private static WorkloadOptions typed(Experiment experiment, Map<String, Object> combo, WorkloadSpec workload)
            throws ConfigException {
        try {
            return workload.typed();
        } catch (ConfigException e) {
            // A refused combination has no single place: it is the experiment's.
            throw new ConfigException(e.position() == null ? experiment.position() : e.position(),
                    "experiment '" + experiment.name() + "'" + (combo.isEmpty() ? "" : " run " + combo) + ": "
                            + e.detail());
        }
    }
}
