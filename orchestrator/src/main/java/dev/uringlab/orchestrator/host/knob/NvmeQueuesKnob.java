package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.DeviceUsage;
import dev.uringlab.orchestrator.host.NvmeDriver;
import dev.uringlab.orchestrator.host.BlockDeviceLocator;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.DeviceIrq;
import dev.uringlab.orchestrator.host.HostException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The NVMe queue layout, set by reloading the driver with poll_queues/write_queues (the only way
 * the kernel offers), verified from sysfs, and with {@code irq_cpus} reloaded until the managed
 * IRQs land where wanted: the thesis' trial and error, automated and bounded. Every NVMe disk
 * disappears during a reload, so it is refused while any of them is mounted or open.
 */
public final class NvmeQueuesKnob implements HostKnob {

    private final KnobContext ctx;
    private final NvmeQueueSpec spec;

    public NvmeQueuesKnob(KnobContext ctx, NvmeQueueSpec spec) {
        this.ctx = ctx;
        this.spec = spec;
    }

    @Override
    public String kind() {
        return "nvme-queues";
    }

    @Override
    public String target() {
        return NvmeDriver.PARAMS;
    }

    @Override
    public String plan() {
        String now = NvmeDriver.queueParamsText(ctx.fs());
        StringBuilder line = new StringBuilder("NVMe queues: reload nvme (" + now + " -> " + spec.paramsText() + ")");
        if (spec.irq() != null) {
            line.append(", expect ").append(spec.irq()).append(" interrupt-driven I/O queue(s)");
        }
        if (spec.irqCpus() != null) {
            line.append(", reload up to ").append(spec.attempts()).append(" time(s) until the IRQs of ")
                    .append(spec.disk()).append(" land on CPU(s) ").append(CpuList.format(spec.irqCpus()));
        }
        return line.toString();
    }

    @Override
    public void check() throws HostException {
        if (NvmeDriver.builtIn(ctx.fs())) {
            throw new HostException("NVMe queues: the nvme driver is built into this kernel (no /sys/module/nvme/initstate), "
                    + "so it cannot be reloaded; set nvme.poll_queues=N on the kernel command line instead");
        }
        List<String> disks = NvmeDriver.disks(ctx.fs());
        if (spec.disk() != null && !disks.contains(spec.disk())) {
            throw new HostException("NVMe queues: " + spec.disk() + " is not an NVMe disk on this host (NVMe disks: "
                    + (disks.isEmpty() ? "none" : String.join(", ", disks)) + ")");
        }
        List<String> uses = DeviceUsage.usesOf(ctx.fs(), disks);
        if (!uses.isEmpty()) {
            throw new HostException("NVMe queues: cannot reload the nvme driver while " + uses.get(0)
                    + " (a reload removes every NVMe disk); unmount or close it, or use a target on another driver");
        }
        ctx.requireRoot("reloading the nvme driver", NvmeDriver.PARAMS);
    }

    @Override
    public void apply(Journal journal) throws HostException {
        check();
        String old = NvmeDriver.queueParamsText(ctx.fs());
        if (old.equals(spec.paramsText()) && spec.irqCpus() == null) {
            verify();
            return;
        }
        List<String> disksBefore = NvmeDriver.disks(ctx.fs());
        journal.append(kind(), target(), old, spec.paramsText(), Map.of("module", NvmeDriver.MODULE));
        SortedSet<Integer> obtained = new TreeSet<>();
        for (int attempt = 1; attempt <= spec.attempts(); attempt++) {
            reload(ctx, NvmeDriver.parseParamsText(spec.paramsText()), disksBefore);
            verify();
            if (spec.irqCpus() == null) {
                return;
            }
            obtained = irqCpus(spec.disk());
            if (obtained.equals(spec.irqCpus())) {
                return;
            }
        }
        throw new HostException("NVMe queues: after " + spec.attempts() + " reload(s) the IRQs of " + spec.disk()
                + " land on CPU(s) " + CpuList.format(obtained) + ", not the wanted " + CpuList.format(spec.irqCpus())
                + " (raise attempts, or pick irq_cpus from 'uringlab topology')");
    }

    private SortedSet<Integer> irqCpus(String disk) {
        SortedSet<Integer> cpus = new TreeSet<>();
        for (DeviceIrq irq : new BlockDeviceLocator(ctx.fs()).irqsOf(disk)) {
            cpus.addAll(irq.effectiveCpus());
        }
        return cpus;
    }

    /** Compares the layout sysfs shows with the spec; a mismatch is an error naming what was obtained. */
    private void verify() throws HostException {
        Map<String, String> params = NvmeDriver.params(ctx.fs());
        Map<String, String> wanted = NvmeDriver.parseParamsText(spec.paramsText());
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (!w.getValue().equals(params.getOrDefault(w.getKey(), "?"))) {
                throw new HostException("NVMe queues: after the reload " + NvmeDriver.PARAMS + "/" + w.getKey() + " is "
                        + params.getOrDefault(w.getKey(), "absent") + ", not " + w.getValue());
            }
        }
        List<String> problems = new ArrayList<>();
        for (String disk : NvmeDriver.disks(ctx.fs())) {
            NvmeDriver.Queues q = NvmeDriver.queues(ctx.fs(), disk).orElseThrow();
            if (spec.irq() != null && q.irq() != spec.irq()) {
                problems.add(disk + " has " + q.irq() + " interrupt-driven queue(s), not " + spec.irq());
            }
            if (spec.poll() != null && q.poll() != spec.poll()) {
                problems.add(disk + " has " + q.poll() + " poll queue(s), not " + spec.poll()
                        + " (the controller limits the total to " + q.hw() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new HostException("NVMe queues: obtained layout differs: " + String.join("; ", problems));
        }
    }

    /** modprobe -r; modprobe with params; then wait for the disks that were there to come back. */
    static void reload(KnobContext ctx, Map<String, String> params, List<String> disksBefore) throws HostException {
        if (NvmeDriver.loaded(ctx.fs())) {
            ctx.modules().unload(NvmeDriver.MODULE);
        }
        ctx.modules().load(NvmeDriver.MODULE, params);
        waitForDisks(ctx, disksBefore);
    }

    private static void waitForDisks(KnobContext ctx, List<String> disks) throws HostException {
        long deadline = System.nanoTime() + ctx.deviceWait().toNanos();
        while (true) {
            List<String> missing = new ArrayList<>();
            for (String d : disks) {
                if (!ctx.fs().exists("/sys/block/" + d) || ctx.fs().list("/sys/block/" + d + "/mq").isEmpty()) {
                    missing.add(d);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new HostException("NVMe queues: after reloading nvme, " + String.join(", ", missing)
                        + " did not come back within " + ctx.deviceWait().toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HostException("NVMe queues: interrupted while waiting for " + String.join(", ", missing));
            }
        }
    }

    static void restore(KnobContext ctx, JournalEntry entry) throws HostException {
        String now = NvmeDriver.queueParamsText(ctx.fs());
        if (now.equals(entry.oldValue())) {
            return;
        }
        List<String> disks = NvmeDriver.disks(ctx.fs());
        List<String> uses = DeviceUsage.usesOf(ctx.fs(), disks);
        if (!uses.isEmpty()) {
            throw new HostException("NVMe queues: cannot reload nvme back to " + entry.oldValue() + " while " + uses.get(0)
                    + "; unmount or close it, then run uringlab restore again");
        }
        if (entry.oldValue().equals("unloaded")) {
            ctx.modules().unload(NvmeDriver.MODULE);
            return;
        }
        reload(ctx, NvmeDriver.parseParamsText(entry.oldValue()), disks);
    }
}
