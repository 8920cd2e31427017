package dev.uringlab.orchestrator.lab;

import java.util.List;
import java.util.Map;

/**
 * The emulated host a lab guest boots: CPUs, NUMA nodes, memory, NVMe controllers and module
 * parameters for the guest kernel. Built only by {@link TopologyLoader}, so every instance is valid.
 */
public record Topology(String name, int cpus, long memoryBytes, List<List<Integer>> numaNodes,
                       List<Nvme> nvme, Map<String, Map<String, String>> moduleParams) {

    /** One emulated NVMe controller; {@code queuePairs} is QEMU's max_ioqpairs (I/O queues the driver may create). */
    public record Nvme(String serial, int queuePairs, long sizeBytes, java.util.OptionalInt node) {
    }

    /** One line for output and manifests, e.g. "thesis-in-small: 4 CPUs in 2 NUMA nodes, 2048 MiB, nvme lab0 2 queue pairs". */
    public String describe() {
        StringBuilder s = new StringBuilder(name).append(": ").append(cpus).append(" CPUs in ")
                .append(numaNodes.size()).append(numaNodes.size() == 1 ? " NUMA node, " : " NUMA nodes, ")
                .append(memoryBytes >> 20).append(" MiB");
        for (Nvme n : nvme) {
            s.append(", nvme ").append(n.serial()).append(' ').append(n.queuePairs())
                    .append(n.queuePairs() == 1 ? " queue pair" : " queue pairs");
            n.node().ifPresent(node -> s.append(" on node ").append(node));
        }
        return s.toString();
    }
}
