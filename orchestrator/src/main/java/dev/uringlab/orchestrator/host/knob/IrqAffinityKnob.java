package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.DeviceIrq;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.TargetTopology;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/** /proc/irq/N/smp_affinity_list of one IRQ. */
public final class IrqAffinityKnob extends FileKnob {

    private final int irq;
    private final String name;

    public IrqAffinityKnob(KnobContext ctx, int irq, String name, SortedSet<Integer> cpus) {
        super(ctx, "irq-affinity", "/proc/irq/" + irq + "/smp_affinity_list", CpuList.format(cpus));
        this.irq = irq;
        this.name = name == null ? "" : name;
    }

    /**
     * One knob per IRQ of the target whose name matches {@code glob} (e.g. {@code nvme0q*},
     * {@code virtio1-req.*}, {@code *} for all I/O vectors; a vector without I/O such as the NVMe admin queue
     * {@code nvme0q0} only by a name that matches no I/O vector), each moved to {@code cpus}.
     */
    public static List<HostKnob> forDevice(KnobContext ctx, TargetTopology target, String glob, SortedSet<Integer> cpus)
            throws HostException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<HostKnob> knobs = matching(ctx, target.irqs(), matcher, glob, cpus);
        // Vectors without I/O (the NVMe admin queue, nvme0q0) only when nothing else matches: a
        // glob like "*" keeps meaning the I/O queues, while "nvme0q0" names the one NVMe vector
        // whose affinity the kernel lets anyone set.
        List<DeviceIrq> vectors = new dev.uringlab.orchestrator.host.BlockDeviceLocator(ctx.fs()).vectorsOf(target.disk());
        if (knobs.isEmpty()) {
            knobs = matching(ctx, vectors, matcher, glob, cpus);
        }
        if (knobs.isEmpty()) {
            throw new HostException("irq_affinity: no IRQ of " + target.disk() + " matches '" + glob + "' (its IRQs: "
                    + (vectors.isEmpty() ? target.irqs() : vectors).stream().map(i -> i.irq() + " " + i.name()).toList()
                    + ")");
        }
        return knobs;
    }

    private static List<HostKnob> matching(KnobContext ctx, List<DeviceIrq> irqs, PathMatcher matcher, String glob,
                                           SortedSet<Integer> cpus) {
        List<HostKnob> knobs = new ArrayList<>();
        for (DeviceIrq i : irqs) {
            if (matcher.matches(Path.of(i.name().isEmpty() ? "_" : i.name())) || glob.equals(Integer.toString(i.irq()))) {
                knobs.add(new IrqAffinityKnob(ctx, i.irq(), i.name(), cpus));
            }
        }
        return knobs;
    }

    @Override
    String what() {
        return "IRQ " + irq + (name.isEmpty() ? "" : " (" + name + ")") + " affinity";
    }

    @Override
    String absentHint() {
        return " (no such IRQ)";
    }

    @Override
    public void check() throws HostException {
        super.check();
        // debugfs (when mounted) tells managed IRQs apart without trying; otherwise the write's EIO does.
        String debug = ctx.fs().read("/sys/kernel/debug/irq/irqs/" + irq).orElse("");
        if (debug.contains("AFFINITY_MANAGED")) {
            throw new HostException(what() + ": cannot write " + wanted() + " to " + target()
                    + ": the kernel manages this IRQ's affinity (managed IRQ, e.g. an NVMe queue): change the queue layout instead");
        }
    }
}
