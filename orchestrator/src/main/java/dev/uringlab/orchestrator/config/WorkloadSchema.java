package dev.uringlab.orchestrator.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options each workload kind accepts, with their types and defaults. One table per kind, so
 * the loader, the sweep validator and {@code uringlab plan} agree on what an option means.
 */
public final class WorkloadSchema {

    public static final Set<String> KINDS = Set.of("fio", "ringbench", "db_bench", "command");

    /**
     * Kinds whose options are nested (command: args, env, parse) or many (db_bench): the loader keeps
     * them as written and the workload's own spec validates every planned run ({@code Planner}).
     */
    public static final Set<String> FREE_FORM = Set.of("db_bench", "command");

    private static final Map<String, OptionType> FIO = new LinkedHashMap<>();
    private static final Map<String, Object> FIO_DEFAULTS = new LinkedHashMap<>();
    private static final Map<String, OptionType> RINGBENCH = new LinkedHashMap<>();
    private static final Map<String, Object> RINGBENCH_DEFAULTS = new LinkedHashMap<>();

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

        // ringbench: every ring and SQE flag the thesis studies, each on its own (workloads/ringbench/README.md).
        RINGBENCH.put("mode", OptionType.oneOf("throughput", "completion-thread", "stall"));
        RINGBENCH.put("rw", OptionType.oneOf("randread", "randwrite", "read", "write", "mixed"));
        RINGBENCH.put("mix_read_pct", OptionType.PERCENT);
        RINGBENCH.put("bs", OptionType.SIZE);
        RINGBENCH.put("iodepth", OptionType.POSITIVE_INT);
        RINGBENCH.put("jobs", OptionType.POSITIVE_INT);
        RINGBENCH.put("runtime", OptionType.POSITIVE_INT);
        RINGBENCH.put("ios", OptionType.POSITIVE_INT);
        RINGBENCH.put("direct", OptionType.BOOL);
        RINGBENCH.put("seed", OptionType.NON_NEGATIVE_INT);
        RINGBENCH.put("coop_taskrun", OptionType.BOOL);
        RINGBENCH.put("taskrun_flag", OptionType.BOOL);
        RINGBENCH.put("defer_taskrun", OptionType.BOOL);
        RINGBENCH.put("single_issuer", OptionType.BOOL);
        RINGBENCH.put("sqpoll", OptionType.BOOL);
        RINGBENCH.put("sq_thread_cpu", OptionType.NON_NEGATIVE_INT);
        RINGBENCH.put("sq_thread_idle", OptionType.NON_NEGATIVE_INT);
        RINGBENCH.put("iopoll", OptionType.BOOL);
        RINGBENCH.put("register_ring_fd", OptionType.BOOL);
        RINGBENCH.put("force_async", OptionType.NON_NEGATIVE_INT);
        RINGBENCH.put("submit_batch", OptionType.NON_NEGATIVE_INT);
        RINGBENCH.put("fixed_files", OptionType.BOOL);
        RINGBENCH.put("fixed_buffers", OptionType.BOOL);
        RINGBENCH.put("vectored", OptionType.BOOL);
        RINGBENCH.put("think_cycles", OptionType.NON_NEGATIVE_INT);
        RINGBENCH.put("cq_wait", OptionType.oneOf("auto", "enter", "spin"));
        RINGBENCH.put("iterations", OptionType.POSITIVE_INT);
        RINGBENCH.put("stall_timeout_ms", OptionType.POSITIVE_INT);
        RINGBENCH.put("busy_sibling", OptionType.BOOL);
        RINGBENCH.put("busy_sibling_cpu", OptionType.NON_NEGATIVE_INT);

        RINGBENCH_DEFAULTS.put("mode", "throughput");
        RINGBENCH_DEFAULTS.put("rw", "randread");
        RINGBENCH_DEFAULTS.put("bs", "4k");
        RINGBENCH_DEFAULTS.put("iodepth", 1L);
        RINGBENCH_DEFAULTS.put("jobs", 1L);
        RINGBENCH_DEFAULTS.put("runtime", 10L);
        RINGBENCH_DEFAULTS.put("direct", true);
    }

    /** Options only fio's io_uring engine understands: refused for other engines rather than silently ignored. */
    public static final Set<String> IO_URING_ONLY =
            Set.of("sqthread_poll", "sqthread_poll_cpu", "registerfiles", "fixedbufs", "force_async", "hipri");

    private WorkloadSchema() {
    }

    public static Map<String, OptionType> options(String kind) {
        return switch (kind) {
            case "fio" -> FIO;
            case "ringbench" -> RINGBENCH;
            default -> Map.of();
        };
    }

    public static Map<String, Object> defaults(String kind) {
        return switch (kind) {
            case "fio" -> FIO_DEFAULTS;
            case "ringbench" -> RINGBENCH_DEFAULTS;
            default -> Map.of();
        };
    }
}
