package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostFs;

/**
 * CPU turbo/boost: intel_pstate's no_turbo (1 = off) where that driver runs, else the generic
 * cpufreq/boost (0 = off, acpi-cpufreq and amd-pstate).
 */
public final class TurboKnob extends FileKnob {

    static final String NO_TURBO = "/sys/devices/system/cpu/intel_pstate/no_turbo";
    static final String BOOST = "/sys/devices/system/cpu/cpufreq/boost";

    public TurboKnob(KnobContext ctx, boolean on) {
        super(ctx, "turbo", file(ctx.fs()), value(ctx.fs(), on));
    }

    private static String file(HostFs fs) {
        return fs.exists(NO_TURBO) || !fs.exists(BOOST) ? NO_TURBO : BOOST;
    }

    private static String value(HostFs fs, boolean on) {
        return file(fs).equals(NO_TURBO) ? (on ? "0" : "1") : (on ? "1" : "0");
    }

    @Override
    String what() {
        return "turbo";
    }

    @Override
    String absentHint() {
        return " and neither does " + BOOST + " (no turbo control: a VM, or a cpufreq driver without boost)";
    }
}
