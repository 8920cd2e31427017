package dev.uringlab.orchestrator.host;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The block device behind a target and where its I/O interrupts are delivered. */
public record TargetTopology(String disk, List<DeviceIrq> irqs, SortedSet<Integer> onlineCpus) {

    /** CPUs that receive at least one of the device's queue interrupts. */
    public SortedSet<Integer> irqCpus() {
        SortedSet<Integer> cpus = new TreeSet<>();
        irqs.forEach(i -> cpus.addAll(i.effectiveCpus()));
        cpus.retainAll(onlineCpus);
        return cpus;
    }

    public List<Integer> irqNumbers() {
        return irqs.stream().map(DeviceIrq::irq).toList();
    }
}
