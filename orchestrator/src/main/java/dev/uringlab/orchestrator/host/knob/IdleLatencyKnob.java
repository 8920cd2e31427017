package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.CpuIdle;
import dev.uringlab.orchestrator.host.HostException;

import java.util.Collection;
import java.util.List;

/**
 * The idle exit latency one CPU may incur: its PM QoS resume-latency limit, which the cpuidle
 * governor obeys when it picks a state. 0 µs leaves only polling: the CPU never halts, so neither
 * the wake-up from a C-state nor the NOHZ tick's stop and restart (VM exits on a guest) lands in
 * the I/O path. A per-CPU sysfs value rather than /dev/cpu_dma_latency, so it can be journaled
 * and restored like every other knob, and survives the tool only until {@code uringlab restore}.
 */
public final class IdleLatencyKnob extends FileKnob {

    private final int cpu;

    public IdleLatencyKnob(KnobContext ctx, int cpu, int maxLatencyUs) {
        super(ctx, "idle-latency", CpuIdle.limitFile(cpu), CpuIdle.limitValue(maxLatencyUs));
        this.cpu = cpu;
    }

    public static List<HostKnob> forCpus(KnobContext ctx, Collection<Integer> cpus, int maxLatencyUs) {
        return perCpu(cpus, c -> new IdleLatencyKnob(ctx, c, maxLatencyUs));
    }

    @Override
    String what() {
        return "CPU " + cpu + " idle latency limit";
    }

    @Override
    String absentHint() {
        return " (a kernel without CONFIG_PM)";
    }

    /** Says which idle states are left, since that, not the number, is what changes the measurement. */
    @Override
    public String plan() {
        var states = CpuIdle.states(ctx.fs(), cpu);
        return super.plan() + (states.isEmpty() ? "" : " (idle states left: "
                + String.join(", ", CpuIdle.allowedUnder(states, wanted())) + ")");
    }

    @Override
    public void check() throws HostException {
        super.check();
        String driver = CpuIdle.driver(ctx.fs());
        if (driver.equals("none")) {
            // Without a cpuidle driver the arch's default idle (HLT) ignores PM QoS: the limit would be a silent no-op.
            throw new HostException(what() + ": this host has no cpuidle driver (/sys/devices/system/cpu/cpuidle/current_driver),"
                    + " so the limit would change nothing; boot with idle=poll to keep CPUs from halting");
        }
        if (CpuIdle.states(ctx.fs(), cpu).isEmpty()) {
            throw new HostException(what() + ": CPU " + cpu + " lists no idle states under /sys/devices/system/cpu/cpu"
                    + cpu + "/cpuidle (driver " + driver + ")");
        }
    }
}
