package dev.uringlab.orchestrator.probe.cost;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Brackets one run's workload with two readings of the probe process's BPF run-time stats: around
 * its process, or, when the run has an I/O window, at the window's two barrier points.
 * Attach points come from one {@code bpftool perf show} per probe process (a shared process
 * serves a whole experiment, so that is once per experiment); without bpftool only the totals
 * are known.
 */
public final class ProbeCostMeter {

    private static final Path PROC = Path.of("/proc");
    private static final String LAT_MEAN_US = "lat_mean_us";
    private static final String CLAT_MEAN_US = "clat_mean_us";
    /** By pid and start time: a pid reused by a later probe process must not inherit its attach points. */
    private static final Map<String, Map<Integer, String>> POINTS = new HashMap<>();

    private final long pid;
    private final List<ResolvedProbe> probes;
    private final Map<Integer, String> points;
    /** Around the workload process. */
    private final Map<Integer, BpfProgramStats.Program> processBefore;
    private volatile Map<Integer, BpfProgramStats.Program> processAfter;
    /** Around the I/O window when the run has one, else the process readings. */
    private volatile Map<Integer, BpfProgramStats.Program> before;
    private volatile Map<Integer, BpfProgramStats.Program> after;
    private volatile Set<String> processWindowProbes = Set.of();

    private ProbeCostMeter(long pid, List<ResolvedProbe> probes, Map<Integer, BpfProgramStats.Program> before,
                           Map<Integer, String> points) {
        this.pid = pid;
        this.probes = probes;
        this.processBefore = before;
        this.before = before;
        this.points = points;
    }

    /** The opening reading; call once the probes are attached, right before the workload. */
    public static ProbeCostMeter start(long pid, List<ResolvedProbe> probes) {
        Map<Integer, String> points;
        synchronized (POINTS) {
            String key = pid + ":" + ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).map(Object::toString).orElse("");
            points = POINTS.computeIfAbsent(key, k -> attachPoints(pid));
        }
        return new ProbeCostMeter(pid, probes, BpfProgramStats.of(PROC, pid), points);
    }

    /**
     * The opening reading again, where the workload says its I/O begins (after the window's opening
     * dump): ns per I/O and the CPU share are then over the interval the counts, fio's I/O count and
     * its CPU times cover.
     */
    public void open() {
        before = BpfProgramStats.of(PROC, pid);
    }

    /** The closing reading where the workload says its I/O ended (before the closing dump); {@link #stop} then keeps it. */
    public void close() {
        after = BpfProgramStats.of(PROC, pid);
    }

    /**
     * Probes whose counts stay on the process window in an I/O-window run (set-up probes): their
     * events and ns/event come from the process readings too, so they match their counts instead of
     * reading zero. The run's totals (ns/IO, shares) stay on the I/O window.
     */
    public void keepProcessWindow(Set<String> probeIds) {
        processWindowProbes = Set.copyOf(probeIds);
    }

    /** The closing reading of the process; call before the probe process is asked for its maps. */
    public void stop() {
        processAfter = BpfProgramStats.of(PROC, pid);
        if (after == null) {
            after = processAfter; // no I/O window closed the meter
        }
    }

    /**
     * {@code metrics} plus the probe-cost columns, or {@code metrics} unchanged when there is no
     * meter, no closing reading, or the kernel counted nothing (kernel.bpf_stats_enabled off).
     */
    public static Map<String, Double> addTo(ProbeCostMeter meter, Map<String, Double> metrics) {
        if (meter == null || meter.after == null) {
            return metrics;
        }
        ProbeCost.Result r = ProbeCost.between(meter.before, meter.after, meter.points, meter.probes);
        if (meter.before != meter.processBefore && meter.processAfter != null && !meter.processWindowProbes.isEmpty()) {
            r = r.withProbesFrom(ProbeCost.between(meter.processBefore, meter.processAfter, meter.points, meter.probes),
                    meter.processWindowProbes);
        }
        if (r.totalEvents() == 0 && r.totalNs() == 0) {
            return metrics;
        }
        Map<String, Double> out = new LinkedHashMap<>(metrics);
        out.putAll(ProbeCost.columns(r, metrics.getOrDefault(Metrics.TOTAL_IOS, 0.0), workloadCpuNs(metrics),
                meanLatencyUs(metrics)));
        return out;
    }

    /** fio's usr+sys CPU percentages are of one CPU over its runtime. */
    static double workloadCpuNs(Map<String, Double> metrics) {
        Double usr = metrics.get(Metrics.USR_CPU_PCT);
        Double sys = metrics.get(Metrics.SYS_CPU_PCT);
        Double runtime = metrics.get(Metrics.RUNTIME_S);
        if (usr == null || sys == null || runtime == null) {
            return 0;
        }
        return (usr + sys) / 100.0 * runtime * 1e9;
    }

    /** Submission-to-completion mean where the tool reports it (fio, ringbench, db_bench), else completion only. */
    static double meanLatencyUs(Map<String, Double> metrics) {
        Double lat = metrics.get(LAT_MEAN_US);
        if (lat == null) {
            lat = metrics.get(CLAT_MEAN_US);
        }
        return lat == null ? 0 : lat;
    }

    private static Map<Integer, String> attachPoints(long pid) {
        Map<Integer, String> points = new HashMap<>();
        bpftoolPerf().ifPresent(json -> {
            try {
                for (AttachedPrograms.Attachment a : AttachedPrograms.parse(json)) {
                    if (a.pid() == pid) {
                        points.put(a.progId(), a.point());
                    }
                }
            } catch (IOException e) {
                // unparseable: totals only
            }
        });
        return points;
    }

    /** {@code bpftool perf show -j}, empty when bpftool is missing or fails. */
    public static Optional<String> bpftoolPerf() {
        try {
            Process p = new ProcessBuilder("bpftool", "perf", "show", "-j")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
