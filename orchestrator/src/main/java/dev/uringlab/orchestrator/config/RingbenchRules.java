package dev.uringlab.orchestrator.config;

import java.util.Map;
import java.util.Optional;

/**
 * Ring-flag combinations the kernel refuses with EINVAL, checked per planned run so that a sweep
 * over flags fails at plan time naming the combination, not halfway through with a failed run.
 */
public final class RingbenchRules {

    private RingbenchRules() {
    }

    public static Optional<String> violation(Map<String, Object> o) {
        boolean sqpoll = on(o, "sqpoll");
        if (on(o, "defer_taskrun") && !on(o, "single_issuer")) {
            return Optional.of("defer_taskrun needs single_issuer: true (the kernel refuses DEFER_TASKRUN alone)");
        }
        if (sqpoll && (on(o, "coop_taskrun") || on(o, "taskrun_flag") || on(o, "defer_taskrun"))) {
            return Optional.of("sqpoll cannot be combined with coop_taskrun, taskrun_flag or defer_taskrun"
                    + " (the SQ thread runs task work itself; the kernel refuses the combination)");
        }
        if (on(o, "taskrun_flag") && !on(o, "coop_taskrun") && !on(o, "defer_taskrun")) {
            return Optional.of("taskrun_flag needs coop_taskrun or defer_taskrun");
        }
        if ((o.get("sq_thread_cpu") != null || o.get("sq_thread_idle") != null) && !sqpoll) {
            return Optional.of("sq_thread_cpu and sq_thread_idle need sqpoll: true");
        }
        if (o.get("busy_sibling_cpu") != null && !on(o, "busy_sibling")) {
            return Optional.of("busy_sibling_cpu needs busy_sibling: true");
        }
        if (on(o, "defer_taskrun") && "completion-thread".equals(o.get("mode"))) {
            return Optional.of("mode completion-thread cannot use defer_taskrun: only the submitting thread may reap"
                    + " a DEFER_TASKRUN ring");
        }
        if ("stall".equals(o.get("mode")) && o.get("submit_batch") instanceof Long n && n > 1) {
            return Optional.of("mode stall submits one SQE at a time: submit_batch does not apply");
        }
        return Optional.empty();
    }

    private static boolean on(Map<String, Object> options, String key) {
        return Boolean.TRUE.equals(options.get(key));
    }
}
