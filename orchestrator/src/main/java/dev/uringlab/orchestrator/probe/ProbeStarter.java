package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.process.ToolException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a probe session and survives kprobes that are in kallsyms but still do not attach
 * (notrace, inlined, blacklisted — common for native_smp_send_reschedule and fget on some
 * kernels): the failing probes are swapped for their fallback (the tracepoint variant, or
 * "unavailable") and the session is started again, instead of failing every run of the sweep.
 */
public final class ProbeStarter {

    /** bpftrace: "Error attaching probe: 'kretprobe:wake_up_state'"; BCC runner: "cannot attach kprobe:fget". */
    private static final Pattern FAILED_ATTACH =
            Pattern.compile("(?:Error attaching probe: '|cannot attach )((?:kprobe|kretprobe):[A-Za-z0-9_.]+)");

    /**
     * @param session  null when no probe is left to attach
     * @param probes   what runs, including the fallbacks already taken in earlier runs
     * @param warnings one line per fallback taken now, for the run's record
     */
    public record Started(ProbeSession session, List<ResolvedProbe> probes, List<String> warnings) {
    }

    private ProbeStarter() {
    }

    public static Started start(ProbeBackend backend, List<ResolvedProbe> probes, Map<String, ResolvedProbe> fallbacks,
                                List<Integer> irqs, Path runDir, Duration attachTimeout, WorkloadScope scope)
            throws ToolException {
        return start(backend, probes, fallbacks, irqs, runDir, attachTimeout, scope, true);
    }

    /** {@code processWindow}: see {@link ProbeBackend#start(List, List, Path, Duration, WorkloadScope, boolean)}. */
    public static Started start(ProbeBackend backend, List<ResolvedProbe> probes, Map<String, ResolvedProbe> fallbacks,
                                List<Integer> irqs, Path runDir, Duration attachTimeout, WorkloadScope scope,
                                boolean processWindow) throws ToolException {
        List<ResolvedProbe> current = new ArrayList<>(probes);
        List<String> warnings = new ArrayList<>();
        while (true) {
            if (current.stream().noneMatch(ResolvedProbe::available)) {
                return new Started(null, List.copyOf(current), warnings); // every probe fell back to unavailable
            }
            try {
                ProbeSession session = backend.start(current, irqs, runDir, attachTimeout, scope, processWindow);
                return new Started(session, List.copyOf(current), warnings);
            } catch (ToolException e) {
                Set<String> failed = failedAttachPoints(e.getMessage());
                boolean swapped = false;
                for (int i = 0; i < current.size(); i++) {
                    ResolvedProbe p = current.get(i);
                    if (p.available() && "kprobe".equals(p.variant()) && fallbacks.containsKey(p.id())
                            && failed.stream().anyMatch(point -> p.body().contains(point))) {
                        ResolvedProbe fallback = fallbacks.get(p.id());
                        current.set(i, fallback);
                        swapped = true;
                        warnings.add("probe " + p.id() + ": " + String.join(", ", failed) + " did not attach; "
                                + (fallback.available() ? "counted with its " + fallback.variant() + " variant instead"
                                : "unavailable: " + fallback.unavailableReason()));
                    }
                }
                if (!swapped) {
                    throw e;
                }
            }
        }
    }

    static Set<String> failedAttachPoints(String message) {
        Set<String> points = new LinkedHashSet<>();
        Matcher m = FAILED_ATTACH.matcher(message == null ? "" : message);
        while (m.find()) {
            points.add(m.group(1));
        }
        return points;
    }
}
