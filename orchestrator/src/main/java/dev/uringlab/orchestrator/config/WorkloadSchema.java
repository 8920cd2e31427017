package dev.uringlab.orchestrator.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options each workload kind accepts, with their types and defaults. One table per kind, so
 * the loader, the sweep validator and {@code uringlab plan} agree on what an option means.
 */
public final class WorkloadSchema {

    public static final Set<String> KINDS = Set.of("fio");

    private static final Map<String, OptionType> FIO = new LinkedHashMap<>();
    private static final Map<String, Object> FIO_DEFAULTS = new LinkedHashMap<>();

    static {
        FIO.put("engine", OptionType.oneOf("io_uring", "libaio", "psync", "posixaio"));
        FIO.put("rw", OptionType.oneOf("randread", "randwrite", "read", "write", "randrw", "rw"));
        FIO.put("bs", OptionType.SIZE);
        FIO.put("iodepth", OptionType.POSITIVE_INT);
        FIO.put("numjobs", OptionType.POSITIVE_INT);
        FIO.put("runtime", OptionType.POSITIVE_INT);
        FIO.put("ramp_time", OptionType.NON_NEGATIVE_INT);
        FIO.put("direct", OptionType.BOOL);
        FIO.put("rwmixread", OptionType.PERCENT);
        FIO.put("sqthread_poll", OptionType.BOOL);
        FIO.put("sqthread_poll_cpu", OptionType.NON_NEGATIVE_INT);
        FIO.put("registerfiles", OptionType.BOOL);
        FIO.put("fixedbufs", OptionType.BOOL);
        FIO.put("force_async", OptionType.NON_NEGATIVE_INT);
        FIO.put("hipri", OptionType.BOOL);

        FIO_DEFAULTS.put("engine", "io_uring");
        FIO_DEFAULTS.put("rw", "randread");
        FIO_DEFAULTS.put("bs", "4k");
        FIO_DEFAULTS.put("iodepth", 1L);
        FIO_DEFAULTS.put("numjobs", 1L);
        FIO_DEFAULTS.put("runtime", 10L);
        FIO_DEFAULTS.put("ramp_time", 0L);
        FIO_DEFAULTS.put("direct", true);
    }

    /** Options only fio's io_uring engine understands: refused for other engines rather than silently ignored. */
    public static final Set<String> IO_URING_ONLY =
            Set.of("sqthread_poll", "sqthread_poll_cpu", "registerfiles", "fixedbufs", "force_async", "hipri");

    private WorkloadSchema() {
    }

    public static Map<String, OptionType> options(String kind) {
        return switch (kind) {
            case "fio" -> FIO;
            default -> Map.of();
        };
    }

    public static Map<String, Object> defaults(String kind) {
        return switch (kind) {
            case "fio" -> FIO_DEFAULTS;
            default -> Map.of();
        };
    }
}
