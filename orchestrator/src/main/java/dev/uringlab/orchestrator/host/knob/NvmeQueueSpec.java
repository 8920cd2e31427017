package dev.uringlab.orchestrator.host.knob;

import java.util.SortedSet;

/**
 * The wanted NVMe queue layout ({@code nvme_queues:} in an experiment). {@code poll} and
 * {@code write} become the module parameters poll_queues/write_queues (null: 0); {@code irq} (the
 * key {@code default:}) is the number of interrupt-driven I/O queues the result must have, checked,
 * not set: the driver derives it from the CPU count, the controller's limit and the parameters.
 * {@code irqCpus} (nullable) is the wanted set of CPUs the target disk's IRQs must land on, tried
 * for up to {@code attempts} reloads; {@code disk} is the target disk that placement is checked on.
 */
public record NvmeQueueSpec(Integer irq, Integer poll, Integer write, SortedSet<Integer> irqCpus, int attempts, String disk) {

    public NvmeQueueSpec {
        if (attempts < 1) {
            attempts = 1;
        }
    }

    public static NvmeQueueSpec of(Integer irq, Integer poll, Integer write) {
        return new NvmeQueueSpec(irq, poll, write, null, 1, null);
    }

    String paramsText() {
        return "poll_queues=" + (poll == null ? 0 : poll) + " write_queues=" + (write == null ? 0 : write);
    }
}
