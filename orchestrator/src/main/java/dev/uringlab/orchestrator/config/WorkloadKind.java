package dev.uringlab.orchestrator.config;

import java.util.function.Supplier;


/**
 * One workload kind as the loader and the planner see it: its name, how its located
 * {@code workload:} mapping becomes an option table (errors at file:line:col), what a sweep axis
 * over one of its options may hold, and the typed options of one planned run, which also refuses
 * what the kind cannot run. The runtime half (the Workload, with its preflight) is the same object
 * seen through {@code workload.RunnableWorkloadKind}, so this layer never depends on workloads.
 */
public interface WorkloadKind {

    String name();

    /** The options and their types; null for a free-form kind, which takes nested options and any scalar axis. */
    OptionTable table();

    /**
     * The typed options of one run from its options (the experiment's with the run's swept values),
     * or the one-line reason the kind refuses the run: placed where the offending value was written,
     * or without a position for a combination of values (the planner then names the experiment).
     */
    WorkloadOptions options(LocatedValues options) throws ConfigException;

    /** Builds options whose IllegalArgumentException refuses a combination of values, which has no single place. */
    static <T extends WorkloadOptions> T combination(Supplier<T> typed) throws ConfigException {
        try {
            return typed.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage()); // the planner names the experiment and the run
        }
    }

    default boolean freeForm() {
        return table() == null;
    }

    /** The type a sweep axis over {@code option} must have, or null when the kind has no such option. */
    default OptionType axisType(String option) {
        return freeForm() ? OptionType.SCALAR : table().types().get(option);
    }

    /**
     * The options as written, defaults first, each checked against the table; a free-form kind keeps
     * them as plain values for {@link #options} to check per run. {@code workload} includes {@code kind:}.
     */
    default LocatedValues parse(Node.MapNode workload) throws ConfigException {
        return freeForm() ? LocatedValues.of(workload) : LocatedValues.of(table().parse(name(), workload), workload);
    }
}
