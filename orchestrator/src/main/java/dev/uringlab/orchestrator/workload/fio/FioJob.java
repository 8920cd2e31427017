package dev.uringlab.orchestrator.workload.fio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One fio job as uringlab runs it. Invalid combinations are refused here, with one line that
 * names the option, rather than by fio halfway through a sweep.
 *
 * @param extra other fio options passed through verbatim (name without "--"); options that
 *              this record owns, and anything that would change the CPU placement, are refused
 */
public record FioJob(
        String engine, String rw, String bs, int iodepth, int numjobs,
        int runtimeSeconds, int rampSeconds, boolean direct, String size, String filename,
        boolean sqthreadPoll, Integer sqthreadPollCpu, boolean registerFiles, boolean fixedBufs,
        Integer forceAsync, boolean hipri, Map<String, String> extra) {

    public static final Set<String> ENGINES = Set.of("io_uring", "libaio", "psync", "posixaio");
    public static final Set<String> RW_MODES = Set.of("randread", "randwrite", "read", "write", "randrw", "rw");

    private static final Pattern BLOCK_SIZE = Pattern.compile("\\d+([kmgKMG][iI]?[bB]?)?");
    private static final Pattern OPTION_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Options the record sets itself, or that would defeat the run: the report must be ours,
     * and CPU placement is the caller's taskset, which fio's own affinity options would silently override.
     */
    private static final Set<String> RESERVED = Set.of(
            "name", "output", "output-format", "filename", "ioengine", "rw", "readwrite", "bs", "blocksize",
            "iodepth", "numjobs", "time_based", "runtime", "ramp_time", "direct", "buffered", "size",
            "group_reporting", "lat_percentiles", "clat_percentiles", "sqthread_poll", "sqthread_poll_cpu",
            "registerfiles", "fixedbufs", "force_async", "hipri",
            "cpus_allowed", "cpus_allowed_policy", "cpumask", "numa_cpu_nodes");

    public FioJob {
        require(ENGINES.contains(engine), "engine", engine, "one of " + new TreeSet<>(ENGINES));
        require(RW_MODES.contains(rw), "rw", rw, "one of " + new TreeSet<>(RW_MODES));
        require(bs != null && BLOCK_SIZE.matcher(bs).matches(), "bs", bs, "a size such as 4k or 512");
        require(iodepth >= 1, "iodepth", iodepth, "at least 1");
        require(numjobs >= 1, "numjobs", numjobs, "at least 1");
        require(runtimeSeconds >= 1, "runtime", runtimeSeconds, "at least 1 second");
        require(rampSeconds >= 0, "ramp", rampSeconds, "0 or more seconds");
        require(size != null && BLOCK_SIZE.matcher(size).matches(), "size", size, "a size such as 1g or 512m");
        require(filename != null && !filename.isBlank() && !filename.contains(":"), "filename", filename,
                "a path without ':' (fio splits file names at ':')");
        boolean uring = "io_uring".equals(engine);
        refuseUnlessUring(uring, sqthreadPoll, "sqthread_poll");
        refuseUnlessUring(uring, sqthreadPollCpu != null, "sqthread_poll_cpu");
        refuseUnlessUring(uring, registerFiles, "registerfiles");
        refuseUnlessUring(uring, fixedBufs, "fixedbufs");
        refuseUnlessUring(uring, forceAsync != null, "force_async");
        refuseUnlessUring(uring, hipri, "hipri");
        if (sqthreadPollCpu != null && !sqthreadPoll) {
            throw new IllegalArgumentException("fio option sqthread_poll_cpu=" + sqthreadPollCpu
                    + " needs sqthread_poll: true (fio ignores the CPU otherwise)");
        }
        require(sqthreadPollCpu == null || sqthreadPollCpu >= 0, "sqthread_poll_cpu", sqthreadPollCpu, "a CPU number");
        require(forceAsync == null || forceAsync >= 0, "force_async", forceAsync, "0 or more");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        for (Map.Entry<String, String> e : extra.entrySet()) {
            String key = e.getKey();
            require(OPTION_NAME.matcher(key).matches(), "extra option", key, "a fio option name like 'norandommap'");
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("fio option '" + key + "' cannot be passed in extra: "
                        + (key.startsWith("cpu") || key.startsWith("numa")
                        ? "CPU placement is set by the experiment's cpus, with taskset"
                        : "it is set by uringlab itself; use the job's own field"));
            }
            require(e.getValue() != null && !e.getValue().contains("\n"), "extra option " + key, e.getValue(),
                    "a single-line value");
        }
    }

    /** Every argument of the fio invocation; the caller prefixes taskset. */
    public List<String> commandLine(String fioBinary, Path outputJson) {
        List<String> cmd = new ArrayList<>();
        cmd.add(fioBinary);
        // json+ adds latency histogram bins, which make percentiles of a read/write mix exact (see FioLatencyMerge).
        cmd.add("--output-format=json+");
        cmd.add("--output=" + outputJson);
        cmd.add("--name=uringlab");
        cmd.add("--filename=" + filename);
        cmd.add("--size=" + size);
        // The engine must precede its own options: fio rejects io_uring options before it is loaded.
        cmd.add("--ioengine=" + engine);
        cmd.add("--rw=" + rw);
        cmd.add("--bs=" + bs);
        cmd.add("--iodepth=" + iodepth);
        cmd.add("--numjobs=" + numjobs);
        cmd.add("--time_based=1");
        cmd.add("--runtime=" + runtimeSeconds + "s");
        if (rampSeconds > 0) {
            cmd.add("--ramp_time=" + rampSeconds + "s");
        }
        cmd.add("--direct=" + (direct ? 1 : 0));
        // One report for all jobs: fio merges the histograms itself, so percentiles stay exact.
        cmd.add("--group_reporting=1");
        cmd.add("--lat_percentiles=1");
        cmd.add("--clat_percentiles=1");
        if ("io_uring".equals(engine)) {
            // Written out even when off, so fio's "job options" record what the run asked for.
            cmd.add("--sqthread_poll=" + (sqthreadPoll ? 1 : 0));
            if (sqthreadPollCpu != null) {
                cmd.add("--sqthread_poll_cpu=" + sqthreadPollCpu);
            }
            cmd.add("--registerfiles=" + (registerFiles ? 1 : 0));
            cmd.add("--fixedbufs=" + (fixedBufs ? 1 : 0));
            if (forceAsync != null) {
                cmd.add("--force_async=" + forceAsync);
            }
            cmd.add("--hipri=" + (hipri ? 1 : 0));
        }
        // Sorted, so the same job always yields the same command line (and fio.cmdline diff).
        new TreeMap<>(extra).forEach((k, v) -> cmd.add(v.isEmpty() ? "--" + k : "--" + k + "=" + v));
        return cmd;
    }

    /** This job with one more {@code extra} option (checked like the others). */
    public FioJob withExtra(String key, String value) {
        Map<String, String> more = new TreeMap<>(extra);
        more.put(key, value);
        return new FioJob(engine, rw, bs, iodepth, numjobs, runtimeSeconds, rampSeconds, direct, size, filename,
                sqthreadPoll, sqthreadPollCpu, registerFiles, fixedBufs, forceAsync, hipri, more);
    }

    /** Seconds fio should need: a run that exceeds this by a wide margin is hung, not slow. */
    public int expectedSeconds() {
        return runtimeSeconds + rampSeconds;
    }

    /** A builder with the defaults of the thesis' baseline: io_uring 4k O_DIRECT randread, QD 1, 10 s. */
    public static Builder builder(String filename) {
        return new Builder(filename);
    }

    /** Mutable, for config loaders and tests; {@link #build()} validates. */
    public static final class Builder {
        private String engine = "io_uring";
        private String rw = "randread";
        private String bs = "4k";
        private int iodepth = 1;
        private int numjobs = 1;
        private int runtimeSeconds = 10;
        private int rampSeconds = 0;
        private boolean direct = true;
        private String size = "1g";
        private final String filename;
        private boolean sqthreadPoll;
        private Integer sqthreadPollCpu;
        private boolean registerFiles;
        private boolean fixedBufs;
        private Integer forceAsync;
        private boolean hipri;
        private final Map<String, String> extra = new TreeMap<>();

        private Builder(String filename) {
            this.filename = filename;
        }

        public Builder engine(String v) { engine = v; return this; }
        public Builder rw(String v) { rw = v; return this; }
        public Builder bs(String v) { bs = v; return this; }
        public Builder iodepth(int v) { iodepth = v; return this; }
        public Builder numjobs(int v) { numjobs = v; return this; }
        public Builder runtimeSeconds(int v) { runtimeSeconds = v; return this; }
        public Builder rampSeconds(int v) { rampSeconds = v; return this; }
        public Builder direct(boolean v) { direct = v; return this; }
        public Builder size(String v) { size = v; return this; }
        public Builder sqthreadPoll(boolean v) { sqthreadPoll = v; return this; }
        public Builder sqthreadPollCpu(Integer v) { sqthreadPollCpu = v; return this; }
        public Builder registerFiles(boolean v) { registerFiles = v; return this; }
        public Builder fixedBufs(boolean v) { fixedBufs = v; return this; }
        public Builder forceAsync(Integer v) { forceAsync = v; return this; }
        public Builder hipri(boolean v) { hipri = v; return this; }
        public Builder extra(String key, String value) { extra.put(key, value); return this; }

        public FioJob build() {
            return new FioJob(engine, rw, bs, iodepth, numjobs, runtimeSeconds, rampSeconds, direct, size,
                    filename, sqthreadPoll, sqthreadPollCpu, registerFiles, fixedBufs, forceAsync, hipri, extra);
        }
    }

    private static void require(boolean ok, String field, Object value, String what) {
        if (!ok) {
            throw new IllegalArgumentException("fio " + field + " '" + value + "' is invalid: expected " + what);
        }
    }

    private static void refuseUnlessUring(boolean uring, boolean set, String option) {
        if (set && !uring) {
            throw new IllegalArgumentException("fio option " + option
                    + " only exists for engine io_uring; remove it or set engine: io_uring");
        }
    }
}
