package dev.uringlab.orchestrator.workload.ringbench;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.LocatedValues;
import dev.uringlab.orchestrator.config.OptionTable;
import dev.uringlab.orchestrator.config.OptionType;
import dev.uringlab.orchestrator.config.WorkloadKind;
import dev.uringlab.orchestrator.workload.RunnableWorkloadKind;
import dev.uringlab.orchestrator.workload.Workload;

import java.util.LinkedHashMap;
import java.util.Map;

/** ringbench: every ring and SQE flag the thesis studies, each on its own (workloads/ringbench/README.md). */
public final class RingbenchKind implements RunnableWorkloadKind {

    static final OptionTable TABLE;

    static {
        Map<String, OptionType> types = new LinkedHashMap<>();
        types.put("mode", OptionType.oneOf("throughput", "completion-thread", "stall"));
        types.put("rw", OptionType.oneOf("randread", "randwrite", "read", "write", "mixed"));
        types.put("mix_read_pct", OptionType.PERCENT);
        types.put("bs", OptionType.SIZE);
        types.put("iodepth", OptionType.POSITIVE_INT);
        types.put("jobs", OptionType.POSITIVE_INT);
        types.put("runtime", OptionType.POSITIVE_INT);
        types.put("ios", OptionType.POSITIVE_INT);
        types.put("direct", OptionType.BOOL);
        types.put("seed", OptionType.NON_NEGATIVE_INT);
        types.put("coop_taskrun", OptionType.BOOL);
        types.put("taskrun_flag", OptionType.BOOL);
        types.put("defer_taskrun", OptionType.BOOL);
        types.put("single_issuer", OptionType.BOOL);
        types.put("sqpoll", OptionType.BOOL);
        types.put("sq_thread_cpu", OptionType.NON_NEGATIVE_INT);
        types.put("sq_thread_idle", OptionType.NON_NEGATIVE_INT);
        types.put("iopoll", OptionType.BOOL);
        types.put("register_ring_fd", OptionType.BOOL);
        types.put("force_async", OptionType.NON_NEGATIVE_INT);
        types.put("submit_batch", OptionType.NON_NEGATIVE_INT);
        types.put("fixed_files", OptionType.BOOL);
        types.put("fixed_buffers", OptionType.BOOL);
        types.put("vectored", OptionType.BOOL);
        types.put("think_cycles", OptionType.NON_NEGATIVE_INT);
        types.put("cq_wait", OptionType.oneOf("auto", "enter", "spin"));
        types.put("iterations", OptionType.POSITIVE_INT);
        types.put("stall_timeout_ms", OptionType.POSITIVE_INT);
        types.put("busy_sibling", OptionType.BOOL);
        types.put("busy_sibling_cpu", OptionType.NON_NEGATIVE_INT);

        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("mode", "throughput");
        defaults.put("rw", "randread");
        defaults.put("bs", "4k");
        defaults.put("iodepth", 1L);
        defaults.put("jobs", 1L);
        defaults.put("runtime", 10L);
        defaults.put("direct", true);
        TABLE = new OptionTable(types, defaults, null);
    }

    @Override
    public String name() {
        return "ringbench";
    }

    @Override
    public OptionTable table() {
        return TABLE;
    }

    @Override
    public RingbenchOptions options(LocatedValues options) throws ConfigException {
        return WorkloadKind.combination(() -> RingbenchOptions.of(options.values()));
    }

    @Override
    public Workload create() {
        return new RingbenchWorkload(RingbenchWorkload.locate());
    }
}
