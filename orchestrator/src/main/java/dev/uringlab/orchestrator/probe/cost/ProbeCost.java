package dev.uringlab.orchestrator.probe.cost;

import dev.uringlab.analysis.report.ProbeCostFinding;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run's probe cost from two readings of the kernel's BPF run-time stats. Costs are summed
 * per attach point, then shared evenly by the probes attached there: the BCC runner compiles one
 * function per attach point running every probe's body, and bpftrace's separate programs on one
 * tracepoint cannot be told apart by anything the kernel reports, so an even share is the only
 * attribution both backends support. Programs on no probe's attach point (bpftrace's BEGIN,
 * interval) count in the total only.
 */
public final class ProbeCost {

    public static final String TOTAL_MS = "bpf_probe_cpu_ms";
    public static final String NS_PER_IO = ProbeCostFinding.NS_PER_IO;
    public static final String SHARE_PCT = ProbeCostFinding.SHARE_PCT;
    public static final String LATENCY_SHARE_PCT = ProbeCostFinding.LATENCY_SHARE_PCT;
    public static final String PREFIX = "bpf_";
    public static final String EVENTS = "_events";
    public static final String NS_PER_EVENT = "_ns_per_event";

    private static final Pattern ATTACH = Pattern.compile(
            "\\b(?:tracepoint|kprobe|kretprobe|rawtracepoint|raw_tracepoint):(?:[A-Za-z0-9_]+:)?([A-Za-z0-9_.]+)");

    /** Per probe: events seen and nanoseconds spent; the total over every program of the process. */
    public record Result(Map<String, long[]> perProbe, long totalNs, long totalEvents) {

        /** These totals, with the per-probe figures of {@code ids} taken from {@code other} (another interval). */
        public Result withProbesFrom(Result other, Set<String> ids) {
            Map<String, long[]> merged = new LinkedHashMap<>(perProbe);
            for (String id : ids) {
                if (merged.containsKey(id) && other.perProbe().containsKey(id)) {
                    merged.put(id, other.perProbe().get(id));
                }
            }
            return new Result(merged, totalNs, totalEvents);
        }
    }

    private ProbeCost() {
    }

    /** The attach points (last name component: tracepoint or kernel function) a probe's program uses. */
    static Set<String> attachPoints(String body) {
        Set<String> points = new LinkedHashSet<>();
        Matcher m = ATTACH.matcher(body == null ? "" : body);
        while (m.find()) {
            points.add(m.group(1));
        }
        return points;
    }

    public static Result between(Map<Integer, BpfProgramStats.Program> before, Map<Integer, BpfProgramStats.Program> after,
                                 Map<Integer, String> pointOfProgram, List<ResolvedProbe> probes) {
        Map<String, long[]> byPoint = new LinkedHashMap<>(); // point -> {ns, events summed over programs, programs}
        long totalNs = 0;
        long totalEvents = 0;
        for (BpfProgramStats.Program now : after.values()) {
            BpfProgramStats.Program then = before.get(now.id());
            long ns = now.runTimeNs() - (then == null ? 0 : then.runTimeNs());
            long events = now.runCount() - (then == null ? 0 : then.runCount());
            totalNs += ns;
            totalEvents += events;
            String point = pointOfProgram.get(now.id());
            if (point != null) {
                long[] acc = byPoint.computeIfAbsent(point, p -> new long[3]);
                acc[0] += ns;
                acc[1] += events;
                acc[2]++;
            }
        }
        Map<String, List<String>> probesAt = new LinkedHashMap<>();
        for (ResolvedProbe p : probes) {
            if (p.available()) {
                for (String point : attachPoints(p.body())) {
                    probesAt.computeIfAbsent(point, x -> new ArrayList<>()).add(p.id());
                }
            }
        }
        Map<String, long[]> perProbe = new LinkedHashMap<>();
        for (ResolvedProbe p : probes) {
            if (!p.available()) {
                continue;
            }
            long[] acc = new long[2];
            for (String point : attachPoints(p.body())) {
                long[] at = byPoint.get(point);
                if (at != null) {
                    int sharing = probesAt.get(point).size();
                    acc[0] += at[0] / sharing;
                    acc[1] += at[1] / at[2]; // each program on the point runs once per event
                }
            }
            perProbe.put(p.id(), acc);
        }
        return new Result(perProbe, totalNs, totalEvents);
    }

    /**
     * The run's columns: per probe events and ns/event, and for the whole probe set its CPU time,
     * ns per I/O (when the workload counted I/Os), share of the workload's CPU time and share of
     * its mean latency (each when known). The latency share is ns per I/O over the mean latency:
     * what the probes would add to one I/O if every event they handled lay on that I/O's path; it
     * overstates at queue depths where I/Os overlap and for events of other tasks, and is exact
     * only for a serial (QD 1) path whose every event is the I/O's own.
     */
    public static Map<String, Double> columns(Result r, double ios, double workloadCpuNs, double meanLatencyUs) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(TOTAL_MS, r.totalNs() / 1e6);
        if (ios > 0) {
            out.put(NS_PER_IO, r.totalNs() / ios);
        }
        if (workloadCpuNs > 0) {
            out.put(SHARE_PCT, 100.0 * r.totalNs() / workloadCpuNs);
        }
        if (ios > 0 && meanLatencyUs > 0) {
            out.put(LATENCY_SHARE_PCT, 100.0 * r.totalNs() / ios / (meanLatencyUs * 1000.0));
        }
        r.perProbe().forEach((id, acc) -> {
            out.put(PREFIX + id + EVENTS, (double) acc[1]);
            if (acc[1] > 0) {
                out.put(PREFIX + id + NS_PER_EVENT, (double) acc[0] / acc[1]);
            }
        });
        return out;
    }
}
