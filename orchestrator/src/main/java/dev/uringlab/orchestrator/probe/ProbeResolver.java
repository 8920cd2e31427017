package dev.uringlab.orchestrator.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a probe's variant for a host: the exact kprobe variant when kprobes work and every
 * symbol is in kallsyms, else the tracepoint variant when its events exist (a probe may prefer its
 * tracepoint with {@code @prefer: tracepoint} when that one is the more general), else unavailable
 * with one reason per variant so the user sees what to change.
 */
public final class ProbeResolver {

    private ProbeResolver() {
    }

    public static ResolvedProbe resolve(ProbeDefinition probe, HostProbeSupport host, Optional<String> forcedVariant) {
        if (forcedVariant.isPresent()) {
            String name = forcedVariant.get();
            ProbeVariant variant = probe.variant(name).orElseThrow(() -> new IllegalArgumentException(
                    "probe " + probe.id() + " has no variant " + name + " (variants: " + String.join(", ", probe.variantNames()) + ")"));
            Optional<String> missing = missing(variant, host);
            return missing.isEmpty()
                    ? chosen(probe, variant)
                    : ResolvedProbe.unavailable(probe.id(), name + " (forced): " + missing.get());
        }
        List<String> reasons = new ArrayList<>();
        for (String name : probe.preferenceOrder()) {
            Optional<ProbeVariant> variant = probe.variant(name);
            if (variant.isEmpty()) {
                String why = name.equals("kprobe") ? probe.noKprobe() : probe.noTracepoint();
                reasons.add(name + ": no " + name + " variant" + (why.isEmpty() ? "" : " (" + why + ")"));
                continue;
            }
            Optional<String> missing = missing(variant.get(), host);
            if (missing.isEmpty()) {
                return chosen(probe, variant.get());
            }
            reasons.add(name + ": " + missing.get());
        }
        return ResolvedProbe.unavailable(probe.id(), String.join("; ", reasons));
    }

    private static ResolvedProbe chosen(ProbeDefinition probe, ProbeVariant variant) {
        return new ResolvedProbe(probe.id(), variant.name(), variant.meaning(), variant.body(), null);
    }

    /** The first unmet requirement of a variant, worded for the user; empty when all are met. */
    static Optional<String> missing(ProbeVariant variant, HostProbeSupport host) {
        if (host.tracefsProblem().isPresent()) {
            return host.tracefsProblem();
        }
        for (String req : variant.requires()) {
            int colon = req.indexOf(':');
            String kind = req.substring(0, colon);
            String target = req.substring(colon + 1);
            if (kind.equals("tracepoint")) {
                if (!host.hasTracepoint(target)) {
                    return Optional.of("tracepoint " + target + " not in available_events");
                }
            } else {
                if (!host.kprobesUsable()) {
                    return Optional.of("kernel has no kprobe_events (CONFIG_KPROBES off)");
                }
                if (!host.hasKernelSymbol(target)) {
                    return Optional.of(target + " not in /proc/kallsyms (not built in, or inlined)");
                }
            }
        }
        return Optional.empty();
    }
}
