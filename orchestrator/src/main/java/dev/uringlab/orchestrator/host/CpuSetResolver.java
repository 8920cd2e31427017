package dev.uringlab.orchestrator.host;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves a CPU set of an experiment against the host: {@code irq} / {@code non-irq} are the
 * online CPUs that do / do not receive the target device's I/O interrupts, so one sweep means
 * the same thing on a 2-CPU VM and a 40-CPU server.
 */
public final class CpuSetResolver {

    private CpuSetResolver() {
    }

    public static SortedSet<Integer> resolve(String cpuSet, TargetTopology topology) throws HostException {
        SortedSet<Integer> online = topology.onlineCpus();
        SortedSet<Integer> cpus;
        switch (cpuSet) {
            case "all" -> cpus = new TreeSet<>(online);
            case "irq" -> cpus = topology.irqCpus();
            case "non-irq" -> {
                cpus = new TreeSet<>(online);
                cpus.removeAll(topology.irqCpus());
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

    private static String why(String cpuSet, TargetTopology topology) {
        if (topology.irqs().isEmpty()) {
            return "no interrupts were found for device " + topology.disk();
        }
        return "the interrupts of " + topology.disk() + " land on CPU(s) " + CpuList.format(topology.irqCpus())
                + " of online " + CpuList.format(topology.onlineCpus())
                + ("non-irq".equals(cpuSet) ? ", so no CPU is free of them" : "");
    }
}
