package dev.uringlab.analysis.model;

import java.util.Map;

/**
 * The one table of human names for metric ids, probe ids and sweep axes, shared by figures, the
 * report's tables and its findings, so "lat_p99_us" reads as "p99 latency (µs)" everywhere.
 * Kernel functions keep their own names (kick_process, not "kick process"): that is what a
 * reader looks up in the source. An id missing here is shown as itself, never dropped.
 */
public final class MeasureNames {

    /** Metric id → what it is, without the unit (the unit comes from the id's suffix). */
    private static final Map<String, String> METRICS = Map.ofEntries(
            Map.entry(Metrics.IOPS, "IOPS"),
            Map.entry(Metrics.BW_MB_S, "bandwidth"),
            Map.entry(Metrics.TOTAL_IOS, "I/Os"),
            Map.entry(Metrics.RUNTIME_S, "runtime"),
            Map.entry(Metrics.USR_CPU_PCT, "user CPU"),
            Map.entry(Metrics.SYS_CPU_PCT, "system CPU"),
            Map.entry(Metrics.CTX_SWITCHES, "context switches"),
            Map.entry("voluntary_ctx_switches", "voluntary context switches"),
            Map.entry("involuntary_ctx_switches", "involuntary context switches"),
            Map.entry("io_errors", "I/O errors"),
            Map.entry("short_ios", "short I/Os"),
            Map.entry("stall_timeouts", "stall timeouts"),
            Map.entry("stall_latency_us", "stall latency"));

    /** Latency kinds as fio names them: lat is submission to completion, clat after the kernel took the I/O. */
    private static final Map<String, String> LATENCY = Map.of("lat", "latency", "clat", "completion latency",
            "slat", "submission latency");
    private static final Map<String, String> STATS = Map.of("mean", "mean", "p50", "median", "p95", "p95",
            "p99", "p99", "p99_9", "p99.9", "max", "max", "min", "min");

    /** Probe id → what one event is (plural). */
    private static final Map<String, String> PROBES = Map.ofEntries(
            Map.entry("irq_per_cpu", "device interrupts"),
            Map.entry("ipi_by_callsite", "IPIs"),
            Map.entry("kick_process", "kick_process calls"),
            Map.entry("native_smp_send_reschedule", "reschedule IPIs"),
            Map.entry("wake_up_state", "wake_up_state calls"),
            Map.entry("fget", "fget calls"),
            Map.entry("io_issue_sqe", "io_issue_sqe calls"),
            Map.entry("io_uring_enter", "io_uring_enter calls"),
            Map.entry("ring_flags", "ring setups"),
            Map.entry("local_timer", "timer interrupts"),
            Map.entry("tctx_task_work", "task-work runs"),
            Map.entry("create_io_worker", "io-wq workers created"),
            Map.entry("io_worker_handle_work", "io-wq work items"),
            Map.entry("io_uring_queue_async_work", "async (io-wq) punts"),
            Map.entry("ext4_nowait", "ext4 reads"),
            Map.entry("block_rq_size", "block requests"));

    /** Sweep axis → its name on an axis or in a legend. */
    private static final Map<String, String> AXES = Map.ofEntries(
            Map.entry("iodepth", "queue depth"),
            Map.entry("cpus", "CPU"),
            Map.entry("numjobs", "jobs"),
            Map.entry("bs", "block size"),
            Map.entry("engine", "I/O engine"),
            Map.entry("rw", "access pattern"),
            Map.entry("think_cycles", "think time (cycles)"),
            Map.entry("coop_taskrun", "COOP_TASKRUN"),
            Map.entry("defer_taskrun", "DEFER_TASKRUN"),
            Map.entry("single_issuer", "SINGLE_ISSUER"),
            Map.entry("sqpoll", "SQPOLL"),
            Map.entry("force_async", "IOSQE_ASYNC every Nth"),
            Map.entry("fixed_files", "fixed files"),
            Map.entry("fixed_buffers", "fixed buffers"),
            Map.entry("host.max_idle_latency_us", "idle latency limit (µs)"));

    private MeasureNames() {
    }

    /** "p99 latency" for lat_p99_us, "IOPS" for iops, "kick_process calls" for kick_process; the id when unknown. */
    public static String name(String id) {
        String known = METRICS.get(id);
        if (known != null) {
            return known;
        }
        String bare = stripUnit(id);
        known = METRICS.get(bare);
        if (known != null) {
            return known;
        }
        int cut = bare.indexOf('_');
        if (cut > 0 && LATENCY.containsKey(bare.substring(0, cut)) && STATS.containsKey(bare.substring(cut + 1))) {
            return STATS.get(bare.substring(cut + 1)) + " " + LATENCY.get(bare.substring(0, cut));
        }
        if (LATENCY.containsKey(bare)) {
            return LATENCY.get(bare);
        }
        int bracket = bare.indexOf('[');
        if (bracket > 0 && bare.endsWith("]")) {
            return probe(bare.substring(0, bracket)) + " [" + bare.substring(bracket + 1, bare.length() - 1) + "]";
        }
        return probe(bare);
    }

    /** The probe's events as a plural noun; the id for probes not in the table. */
    public static String probe(String id) {
        return PROBES.getOrDefault(id, id);
    }

    public static String axis(String axis) {
        return AXES.getOrDefault(axis, axis);
    }

    /** The display unit: "µs" for _us; "" for counts and for IOPS (the name says it). */
    public static String displayUnit(String unit) {
        return switch (unit) {
            case "us" -> "µs";
            case "IO/s" -> ""; // "IOPS" is its own unit
            default -> unit;
        };
    }

    private static String stripUnit(String id) {
        for (String suffix : new String[] {"_us", "_ns", "_mb_s", "_pct", "_s"}) {
            if (id.endsWith(suffix) && id.length() > suffix.length()) {
                return id.substring(0, id.length() - suffix.length());
            }
        }
        return id;
    }
}
