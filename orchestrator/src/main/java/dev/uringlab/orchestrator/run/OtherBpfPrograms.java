package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.probe.cost.AttachedPrograms;
import dev.uringlab.orchestrator.probe.cost.ProbeCostMeter;
import dev.uringlab.orchestrator.process.SweepMarker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * BPF programs someone else attached to tracepoints and kprobes (another tracer, a security
 * agent): they run in the measured path too, so the sweep records them in each manifest and
 * warns. Taken once, when the sweep starts, before its own probes attach.
 */
public final class OtherBpfPrograms {

    private static volatile List<Map<String, Object>> atStart = List.of();

    private OtherBpfPrograms() {
    }

    /** What {@link #scan} found at the start of this sweep, for the manifest. */
    public static List<Map<String, Object>> atSweepStart() {
        return atStart;
    }

    /** One entry per process: pid, command, attach points; processes of this sweep are left out. */
    public static List<Map<String, Object>> scan(Path procRoot) {
        Map<Long, List<String>> byPid = new TreeMap<>();
        ProbeCostMeter.bpftoolPerf().ifPresent(json -> {
            try {
                for (AttachedPrograms.Attachment a : AttachedPrograms.parse(json)) {
                    byPid.computeIfAbsent(a.pid(), p -> new ArrayList<>()).add(a.type() + ":" + a.point());
                }
            } catch (IOException e) {
                // unreadable output: nothing recorded
            }
        });
        List<String> mine = SweepMarker.scan(procRoot).stream().filter(m -> m.marker().equals(SweepMarker.self()))
                .map(m -> Long.toString(m.pid())).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        byPid.forEach((pid, points) -> {
            if (mine.contains(Long.toString(pid))) {
                return;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("pid", pid);
            e.put("command", command(procRoot, pid));
            e.put("attached", points);
            out.add(e);
        });
        atStart = List.copyOf(out);
        return out;
    }

    static String warning(List<Map<String, Object>> others) {
        StringBuilder s = new StringBuilder("warning: other BPF programs are attached on this host and run in the measured"
                + " path too (recorded in each manifest.json):");
        for (Map<String, Object> e : others) {
            List<?> points = (List<?>) e.get("attached");
            s.append(' ').append(e.get("command")).append(" pid ").append(e.get("pid")).append(" (")
                    .append(points.size()).append(" programs: ")
                    .append(String.join(", ", points.stream().limit(4).map(Object::toString).toList()))
                    .append(points.size() > 4 ? ", ..." : "").append(");");
        }
        return s.substring(0, s.length() - 1);
    }

    private static String command(Path procRoot, long pid) {
        try {
            return Files.readString(procRoot.resolve(Long.toString(pid)).resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
