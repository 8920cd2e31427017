package dev.uringlab.orchestrator.probe.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The kernel's run-time accounting of the BPF programs one process holds, read from
 * /proc/PID/fdinfo (prog_id, run_time_ns, run_cnt): no fork, a few files, cheap enough for
 * every run. The kernel counts only while kernel.bpf_stats_enabled is 1.
 */
public final class BpfProgramStats {

    /** One program's totals since it was loaded (or since stats were switched on). */
    public record Program(int id, long runTimeNs, long runCount) {
    }

    private BpfProgramStats() {
    }

    /** Program id → totals for every BPF program fd of {@code pid}; empty if the process is gone. */
    public static Map<Integer, Program> of(Path procRoot, long pid) {
        Map<Integer, Program> programs = new TreeMap<>();
        Path fdDir = procRoot.resolve(Long.toString(pid)).resolve("fd");
        try (Stream<Path> fds = Files.list(fdDir)) {
            for (Path fd : fds.toList()) {
                String link;
                try {
                    link = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed meanwhile
                }
                if (!link.contains("bpf-prog")) {
                    continue;
                }
                Path info = procRoot.resolve(Long.toString(pid)).resolve("fdinfo").resolve(fd.getFileName());
                try {
                    Program p = parse(Files.readString(info));
                    if (p != null) {
                        programs.put(p.id(), p);
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return programs;
    }

    /** One fdinfo text; null when it is not a BPF program's. */
    static Program parse(String fdinfo) {
        Integer id = null;
        long time = 0;
        long count = 0;
        for (String line : fdinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "prog_id" -> id = Integer.parseInt(value);
                case "run_time_ns" -> time = Long.parseLong(value);
                case "run_cnt" -> count = Long.parseLong(value);
                default -> {
                }
            }
        }
        return id == null ? null : new Program(id, time, count);
    }
}
