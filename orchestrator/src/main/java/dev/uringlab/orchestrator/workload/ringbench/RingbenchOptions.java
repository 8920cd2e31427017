package dev.uringlab.orchestrator.workload.ringbench;

import dev.uringlab.orchestrator.config.WorkloadOptions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of one ringbench run. Each option is one ringbench switch, so they are kept as
 * written ({@code flags}, typed by the loader's table) and become the command line in that order;
 * {@link #of} refuses the flag combinations the kernel rejects with EINVAL, so that a sweep over
 * flags fails at plan time naming the combination, not halfway through with a failed run.
 */
public record RingbenchOptions(String mode, Long runtime, Long ios, Long iterations, Long stallTimeoutMs,
                               Map<String, Object> flags) implements WorkloadOptions {

    public RingbenchOptions {
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    }

    public static RingbenchOptions of(Map<String, Object> o) {
        String refused = violation(o);
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        return new RingbenchOptions((String) o.get("mode"), (Long) o.get("runtime"), (Long) o.get("ios"),
                (Long) o.get("iterations"), (Long) o.get("stall_timeout_ms"), o);
    }

    private static String violation(Map<String, Object> o) {
        boolean sqpoll = on(o, "sqpoll");
        if (on(o, "defer_taskrun") && !on(o, "single_issuer")) {
            return "defer_taskrun needs single_issuer: true (the kernel refuses DEFER_TASKRUN alone)";
        }
        if (sqpoll && (on(o, "coop_taskrun") || on(o, "taskrun_flag") || on(o, "defer_taskrun"))) {
            return "sqpoll cannot be combined with coop_taskrun, taskrun_flag or defer_taskrun"
                    + " (the SQ thread runs task work itself; the kernel refuses the combination)";
        }
        if (on(o, "taskrun_flag") && !on(o, "coop_taskrun") && !on(o, "defer_taskrun")) {
            return "taskrun_flag needs coop_taskrun or defer_taskrun";
        }
        if ((o.get("sq_thread_cpu") != null || o.get("sq_thread_idle") != null) && !sqpoll) {
            return "sq_thread_cpu and sq_thread_idle need sqpoll: true";
        }
        if (o.get("busy_sibling_cpu") != null && !on(o, "busy_sibling")) {
            return "busy_sibling_cpu needs busy_sibling: true";
        }
        if (on(o, "defer_taskrun") && "completion-thread".equals(o.get("mode"))) {
            return "mode completion-thread cannot use defer_taskrun: only the submitting thread may reap"
                    + " a DEFER_TASKRUN ring";
        }
        if ("stall".equals(o.get("mode")) && o.get("submit_batch") instanceof Long n && n > 1) {
            return "mode stall submits one SQE at a time: submit_batch does not apply";
        }
        return null;
    }

    private static boolean on(Map<String, Object> options, String key) {
        return Boolean.TRUE.equals(options.get(key));
    }

    /** Seconds the run may take before it counts as hung. */
    long timeoutSeconds() {
        long run = runtime != null ? runtime : 10;
        long stall = iterations != null && stallTimeoutMs != null ? iterations * stallTimeoutMs / 1000 : 0;
        // An IO-count run has no runtime bound of its own: allow generously, it is still killed at last.
        return run + stall + (ios != null ? 600 : 60);
    }
}
