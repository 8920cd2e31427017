package dev.uringlab.orchestrator.workload.fio;

import dev.uringlab.orchestrator.config.WorkloadOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The typed options of one fio run (the loader's table already checked each value's type and range). */
public record FioOptions(String engine, String rw, String bs, long iodepth, long numjobs, long runtime, long rampTime,
                         boolean direct, Long rwmixread, boolean sqthreadPoll, Long sqthreadPollCpu,
                         boolean registerFiles, boolean fixedBufs, Long forceAsync, boolean hipri,
                         Map<String, String> extra) implements WorkloadOptions {

    /** Options only fio's io_uring engine understands: refused for other engines rather than silently ignored. */
    static final List<String> IO_URING_ONLY =
            List.of("sqthread_poll", "sqthread_poll_cpu", "registerfiles", "fixedbufs", "force_async", "hipri");

    public FioOptions {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** Throws IllegalArgumentException for io_uring options on another engine: fio would silently ignore them. */
    public static FioOptions of(Map<String, Object> o) {
        Object engine = o.get("engine");
        if (!"io_uring".equals(engine)) {
            for (String option : IO_URING_ONLY) {
                if (option.equals("sqthread_poll_cpu")) {
                    continue; // only read with sqthread_poll, which is itself refused here
                }
                Object value = o.get(option);
                if (value != null && !Boolean.FALSE.equals(value) && !Long.valueOf(0).equals(value)) {
                    throw new IllegalArgumentException("workload." + option + " applies only to engine io_uring, not "
                            + engine + " (zip it with engine, or use exclude)");
                }
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        if (o.get("extra") instanceof Map<?, ?> written) {
            written.forEach((k, v) -> extra.put(String.valueOf(k), String.valueOf(v)));
        }
        return new FioOptions((String) engine, (String) o.get("rw"), (String) o.get("bs"), (Long) o.get("iodepth"),
                (Long) o.get("numjobs"), (Long) o.get("runtime"), (Long) o.getOrDefault("ramp_time", 0L),
                Boolean.TRUE.equals(o.get("direct")), (Long) o.get("rwmixread"),
                Boolean.TRUE.equals(o.get("sqthread_poll")), (Long) o.get("sqthread_poll_cpu"),
                Boolean.TRUE.equals(o.get("registerfiles")), Boolean.TRUE.equals(o.get("fixedbufs")),
                (Long) o.get("force_async"), Boolean.TRUE.equals(o.get("hipri")), extra);
    }

    /** The same options with another runtime (backgrounds outlast the measured run). */
    public FioOptions withRuntime(long seconds) {
        return new FioOptions(engine, rw, bs, iodepth, numjobs, seconds, rampTime, direct, rwmixread, sqthreadPoll,
                sqthreadPollCpu, registerFiles, fixedBufs, forceAsync, hipri, extra);
    }
}
