package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.host.HostFs;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What this host's kernel lets bpftrace attach to: kprobes (needs {@code kprobe_events} in
 * tracefs; bpftrace --info says "kprobe: yes" even without it), kernel symbols from
 * /proc/kallsyms, and tracepoints from tracefs {@code available_events}.
 */
public final class HostProbeSupport {

    static final String TRACEFS_HINT = "tracefs not mounted: mount -t tracefs tracefs /sys/kernel/tracing";
    private static final String[] TRACING_DIRS = {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"};

    private final HostFs fs;
    private final String tracingDir;
    private final boolean kprobesUsable;
    private final Set<String> tracepoints;
    private volatile Set<String> kernelSymbols;

    private HostProbeSupport(HostFs fs, String tracingDir, boolean kprobesUsable, Set<String> tracepoints) {
        this.fs = fs;
        this.tracingDir = tracingDir;
        this.kprobesUsable = kprobesUsable;
        this.tracepoints = tracepoints;
    }

    public static HostProbeSupport detect(HostFs fs) {
        String tracingDir = null;
        for (String dir : TRACING_DIRS) {
            if (fs.exists(dir + "/available_events")) {
                tracingDir = dir;
                break;
            }
        }
        boolean kprobes = false;
        for (String dir : TRACING_DIRS) {
            kprobes |= fs.exists(dir + "/kprobe_events");
        }
        Set<String> events = new HashSet<>();
        if (tracingDir != null) {
            fs.read(tracingDir + "/available_events").ifPresent(text -> text.lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).forEach(events::add));
        }
        return new HostProbeSupport(fs, tracingDir, kprobes, Set.copyOf(events));
    }

    public boolean kprobesUsable() {
        return kprobesUsable;
    }

    public boolean tracefsMounted() {
        return tracingDir != null;
    }

    /** Why tracing is impossible altogether, e.g. the tracefs mount hint; empty when tracefs is there. */
    public Optional<String> tracefsProblem() {
        return tracingDir == null ? Optional.of(TRACEFS_HINT) : Optional.empty();
    }

    /** {@code group:event}, as in available_events (e.g. {@code ipi:ipi_send_cpu}). */
    public boolean hasTracepoint(String groupAndEvent) {
        return tracepoints.contains(groupAndEvent);
    }

    public boolean hasKernelSymbol(String name) {
        return kernelSymbols().contains(name);
    }

    /** Read once, on first use: kallsyms has ~200k lines and most runs never ask. */
    private Set<String> kernelSymbols() {
        Set<String> symbols = kernelSymbols;
        if (symbols == null) {
            synchronized (this) {
                if (kernelSymbols == null) {
                    kernelSymbols = readKallsyms();
                }
                symbols = kernelSymbols;
            }
        }
        return symbols;
    }

    private Set<String> readKallsyms() {
        Set<String> names = new HashSet<>(1 << 18);
        try (BufferedReader in = Files.newBufferedReader(fs.path("/proc/kallsyms"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                // "<addr> <type> <name>[\t[module]]": the name is the third field.
                int first = line.indexOf(' ');
                int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
                if (second < 0) {
                    continue;
                }
                int end = line.indexOf('\t', second + 1);
                names.add(end < 0 ? line.substring(second + 1) : line.substring(second + 1, end));
            }
        } catch (IOException e) {
            return Set.of();
        }
        return names;
    }
}
