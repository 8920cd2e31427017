package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The cpufreq governor of one CPU. */
public final class GovernorKnob extends FileKnob {

    private final int cpu;

    public GovernorKnob(KnobContext ctx, int cpu, String governor) {
        super(ctx, "governor", "/sys/devices/system/cpu/cpu" + cpu + "/cpufreq/scaling_governor", governor);
        this.cpu = cpu;
    }

    public static List<HostKnob> forCpus(KnobContext ctx, Collection<Integer> cpus, String governor) {
        return perCpu(cpus, c -> new GovernorKnob(ctx, c, governor));
    }

    @Override
    String what() {
        return "CPU " + cpu + " governor";
    }

    @Override
    String absentHint() {
        return " (no cpufreq driver: a VM, or cpufreq disabled)";
    }

    @Override
    public void check() throws HostException {
        super.check();
        String dir = "/sys/devices/system/cpu/cpu" + cpu + "/cpufreq/";
        var available = ctx.fs().readLine(dir + "scaling_available_governors");
        if (available.isPresent() && !Arrays.asList(available.get().split("\\s+")).contains(wanted())) {
            throw new HostException(what() + ": '" + wanted() + "' is not offered (" + dir
                    + "scaling_available_governors: " + available.get() + ")");
        }
    }
}
