package dev.uringlab.orchestrator.host;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves a CPU set of an experiment against the host: {@code irq} / {@code non-irq} are the
 * online CPUs that do / do not receive the target device's I/O interrupts, so one sweep means
 * the same thing on a 2-CPU VM and a 40-CPU server. The NUMA-relative sets place a workload
 * relative to those interrupt CPUs: {@code local} (the IRQ CPUs themselves), {@code smt-sibling}
 * (their hyperthreads), {@code same-node} (the device's node, minus IRQ CPUs) and
 * {@code remote-node} (every other node).
 */
public final class CpuSetResolver {

    /** The symbolic names, for validators and suggestions. */
    public static final List<String> SYMBOLIC = List.of("irq", "non-irq", "all", "local", "smt-sibling", "same-node",
            "remote-node");

    private static final Set<String> NUMA_SETS = Set.of("local", "smt-sibling", "same-node", "remote-node");

    private CpuSetResolver() {
    }

    /** irq, non-irq, all and explicit lists; the NUMA-relative sets need {@link #resolve(String, TargetTopology, HostFs)}. */
    public static SortedSet<Integer> resolve(String cpuSet, TargetTopology topology) throws HostException {
        if (NUMA_SETS.contains(cpuSet)) {
            throw new HostException("cpus: '" + cpuSet + "' needs the host's NUMA and SMT layout, which was not read");
        }
        return resolve(cpuSet, topology, null, OptionalInt.empty());
    }

    /** Every set, reading the NUMA and SMT layout and the device's node through {@code fs}. */
    public static SortedSet<Integer> resolve(String cpuSet, TargetTopology topology, HostFs fs) throws HostException {
        if (!NUMA_SETS.contains(cpuSet)) {
            return resolve(cpuSet, topology);
        }
        Set<Integer> nodes = new HashSet<>();
        boolean unknown = false;
        for (String disk : topology.disk().split("\\+")) {
            OptionalInt node = DeviceNuma.nodeOf(fs, disk);
            if (node.isPresent()) {
                nodes.add(node.getAsInt());
            } else {
                unknown = true;
            }
        }
        OptionalInt deviceNode = nodes.size() == 1 && !unknown ? OptionalInt.of(nodes.iterator().next()) : OptionalInt.empty();
        return resolve(cpuSet, topology, CpuTopology.read(fs), deviceNode);
    }

    /** {@code deviceNode} empty: sysfs does not say (numa_node -1); inferred where that is unambiguous. */
    public static SortedSet<Integer> resolve(String cpuSet, TargetTopology topology, CpuTopology host, OptionalInt deviceNode)
            throws HostException {
        SortedSet<Integer> online = topology.onlineCpus();
        SortedSet<Integer> irq = topology.irqCpus();
        SortedSet<Integer> cpus;
        switch (cpuSet) {
            case "all" -> cpus = new TreeSet<>(online);
            case "irq", "local" -> cpus = new TreeSet<>(irq);
            case "non-irq" -> {
                cpus = new TreeSet<>(online);
                cpus.removeAll(irq);
            }
            case "smt-sibling" -> {
                requireIrqs(cpuSet, topology);
                cpus = new TreeSet<>();
                for (int c : irq) {
                    cpus.addAll(host.siblingsOf(c));
                }
                cpus.removeAll(irq);
                cpus.retainAll(online);
                if (cpus.isEmpty()) {
                    throw new HostException("cpus: 'smt-sibling' cannot be placed on this host: " + (host.hasSmt()
                            ? "every SMT sibling of the IRQ CPU(s) " + CpuList.format(irq) + " of " + topology.disk()
                                    + " receives interrupts itself"
                            : "SMT is off or absent, each CPU is its own core (thread_siblings_list)"));
                }
            }
            case "same-node", "remote-node" -> {
                int node = deviceNode(cpuSet, topology, host, deviceNode);
                cpus = new TreeSet<>(online);
                if (cpuSet.equals("same-node")) {
                    cpus.retainAll(host.nodes().get(node));
                    cpus.removeAll(irq);
                } else {
                    cpus.removeAll(host.nodes().get(node));
                    if (cpus.isEmpty()) {
                        throw new HostException("cpus: 'remote-node' cannot be placed on this host: it has "
                                + (host.nodes().size() == 1 ? "one NUMA node (node" + node + ": "
                                        + CpuList.format(host.nodes().get(node)) + ")"
                                        : "no online CPU outside node " + node)
                                + ", so no CPU is remote from " + topology.disk());
                    }
                }
            }
            default -> {
                cpus = CpuList.parse(cpuSet);
                SortedSet<Integer> offline = new TreeSet<>(cpus);
                offline.removeAll(online);
                if (!offline.isEmpty()) {
                    throw new HostException("cpus: " + cpuSet + " names CPU(s) " + CpuList.format(offline)
                            + " that are not online (online: " + CpuList.format(online) + ")");
                }
            }
        }
        if (cpus.isEmpty()) {
            throw new HostException("cpus: '" + cpuSet + "' resolves to no CPU on this host: " + why(cpuSet, topology));
        }
        return cpus;
    }

    private static void requireIrqs(String cpuSet, TargetTopology topology) throws HostException {
        if (topology.irqCpus().isEmpty()) {
            throw new HostException("cpus: '" + cpuSet + "' resolves to no CPU on this host: " + why(cpuSet, topology));
        }
    }

    private static int deviceNode(String cpuSet, TargetTopology topology, CpuTopology host, OptionalInt deviceNode)
            throws HostException {
        if (deviceNode.isPresent() && host.nodes().containsKey(deviceNode.getAsInt())) {
            return deviceNode.getAsInt();
        }
        if (host.nodes().size() == 1) {
            return host.nodes().firstKey();
        }
        // The firmware did not say (numa_node -1): the node the device's interrupts are served on is the honest guess.
        Set<Integer> irqNodes = new HashSet<>();
        for (int c : topology.irqCpus()) {
            host.nodeOf(c).ifPresent(irqNodes::add);
        }
        if (irqNodes.size() == 1) {
            return irqNodes.iterator().next();
        }
        throw new HostException("cpus: '" + cpuSet + "' needs the NUMA node of " + topology.disk()
                + ", which sysfs does not report (numa_node is -1 or absent) and its IRQs span node(s) " + irqNodes);
    }

    private static String why(String cpuSet, TargetTopology topology) {
        if (topology.irqs().isEmpty()) {
            return "no interrupts were found for device " + topology.disk();
        }
        return "the interrupts of " + topology.disk() + " land on CPU(s) " + CpuList.format(topology.irqCpus())
                + " of online " + CpuList.format(topology.onlineCpus())
                + ("non-irq".equals(cpuSet) ? ", so no CPU is free of them" : "")
                + ("same-node".equals(cpuSet) ? ", which fill the device's NUMA node" : "");
    }
}
