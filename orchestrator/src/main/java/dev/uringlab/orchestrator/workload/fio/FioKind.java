package dev.uringlab.orchestrator.workload.fio;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.LocatedValues;
import dev.uringlab.orchestrator.config.OptionTable;
import dev.uringlab.orchestrator.config.OptionType;
import dev.uringlab.orchestrator.config.WorkloadKind;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;
import dev.uringlab.orchestrator.workload.RunnableWorkloadKind;
import dev.uringlab.orchestrator.workload.Workload;

import java.util.LinkedHashMap;
import java.util.Map;

/** fio: its option table (also the form of fio background workloads), run refusals in {@link FioOptions}. */
public final class FioKind implements RunnableWorkloadKind {

    static final OptionTable TABLE;

    static {
        Map<String, OptionType> types = new LinkedHashMap<>();
        types.put("engine", OptionType.oneOf("io_uring", "libaio", "psync", "posixaio"));
        types.put("rw", OptionType.oneOf("randread", "randwrite", "read", "write", "randrw", "rw"));
        types.put("bs", OptionType.SIZE);
        types.put("iodepth", OptionType.POSITIVE_INT);
        types.put("numjobs", OptionType.POSITIVE_INT);
        types.put("runtime", OptionType.POSITIVE_INT);
        types.put("ramp_time", OptionType.NON_NEGATIVE_INT);
        types.put("direct", OptionType.BOOL);
        types.put("rwmixread", OptionType.PERCENT);
        types.put("sqthread_poll", OptionType.BOOL);
        types.put("sqthread_poll_cpu", OptionType.NON_NEGATIVE_INT);
        types.put("registerfiles", OptionType.BOOL);
        types.put("fixedbufs", OptionType.BOOL);
        types.put("force_async", OptionType.NON_NEGATIVE_INT);
        types.put("hipri", OptionType.BOOL);

        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("engine", "io_uring");
        defaults.put("rw", "randread");
        defaults.put("bs", "4k");
        defaults.put("iodepth", 1L);
        defaults.put("numjobs", 1L);
        defaults.put("runtime", 10L);
        defaults.put("ramp_time", 0L);
        defaults.put("direct", true);
        TABLE = new OptionTable(types, defaults, "extra");
    }

    @Override
    public String name() {
        return "fio";
    }

    @Override
    public OptionTable table() {
        return TABLE;
    }

    @Override
    public FioOptions options(LocatedValues options) throws ConfigException {
        return WorkloadKind.combination(() -> FioOptions.of(options.values()));
    }

    @Override
    public Workload create() throws ToolException {
        return new FioWorkload(Tools.which("fio").orElseThrow(() -> new ToolException(
                "fio not found on PATH: install it (apt-get install fio) or run 'make demo', which installs it")));
    }
}
