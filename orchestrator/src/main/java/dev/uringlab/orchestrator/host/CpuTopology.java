package dev.uringlab.orchestrator.host;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Online CPUs, NUMA nodes and SMT siblings as sysfs reports them. A host without
 * /sys/devices/system/node is treated as one node holding every online CPU, which is what it is.
 */
public record CpuTopology(SortedSet<Integer> online, SortedMap<Integer, SortedSet<Integer>> nodes,
        SortedMap<Integer, SortedSet<Integer>> siblings) {

    private static final String CPU = "/sys/devices/system/cpu";
    private static final String NODE = "/sys/devices/system/node";

    public static CpuTopology read(HostFs fs) {
        SortedSet<Integer> online = new BlockDeviceLocator(fs).onlineCpus();
        SortedMap<Integer, SortedSet<Integer>> nodes = new TreeMap<>();
        for (String entry : fs.list(NODE)) {
            if (entry.matches("node\\d+")) {
                SortedSet<Integer> cpus = fs.readLine(NODE + "/" + entry + "/cpulist").map(CpuList::parse).orElse(new TreeSet<>());
                cpus.retainAll(online);
                nodes.put(Integer.parseInt(entry.substring(4)), cpus);
            }
        }
        if (nodes.isEmpty()) {
            nodes.put(0, new TreeSet<>(online));
        }
        SortedMap<Integer, SortedSet<Integer>> siblings = new TreeMap<>();
        for (int cpu : online) {
            SortedSet<Integer> s = fs.readLine(CPU + "/cpu" + cpu + "/topology/thread_siblings_list")
                    .map(CpuList::parse).orElse(new TreeSet<>(Collections.singleton(cpu)));
            siblings.put(cpu, s);
        }
        return new CpuTopology(online, nodes, siblings);
    }

    public OptionalInt nodeOf(int cpu) {
        for (Map.Entry<Integer, SortedSet<Integer>> e : nodes.entrySet()) {
            if (e.getValue().contains(cpu)) {
                return OptionalInt.of(e.getKey());
            }
        }
        return OptionalInt.empty();
    }

    public SortedSet<Integer> siblingsOf(int cpu) {
        return siblings.getOrDefault(cpu, new TreeSet<>(Collections.singleton(cpu)));
    }

    public boolean hasSmt() {
        return siblings.values().stream().anyMatch(s -> s.size() > 1);
    }
}
