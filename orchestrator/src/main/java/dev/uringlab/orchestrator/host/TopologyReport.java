package dev.uringlab.orchestrator.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@code uringlab topology} shows: CPUs, NUMA nodes, SMT siblings, each physical block
 * device with its hardware queues, IRQs and the CPUs they land on, the NVMe module parameters
 * and irqbalance. One map for --json, rendered as a table for people.
 */
public final class TopologyReport {

    private TopologyReport() {
    }

    public static Map<String, Object> read(HostFs fs) {
        CpuTopology cpus = CpuTopology.read(fs);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kernel", fs.readLine("/proc/sys/kernel/osrelease").orElse("unknown"));
        r.put("hostname", fs.readLine("/proc/sys/kernel/hostname").orElse("unknown"));
        r.put("online_cpus", CpuList.format(cpus.online()));
        Map<String, String> nodes = new LinkedHashMap<>();
        cpus.nodes().forEach((n, set) -> nodes.put(Integer.toString(n), CpuList.format(set)));
        r.put("numa_nodes", nodes);
        // one entry per core with more than one thread, in CPU order
        List<String> groups = cpus.siblings().values().stream().filter(s -> s.size() > 1).distinct()
                .sorted(java.util.Comparator.comparing(SortedSet::first)).map(CpuList::format).toList();
        Map<String, Object> smt = new LinkedHashMap<>();
        smt.put("control", fs.readLine("/sys/devices/system/cpu/smt/control").orElse("unknown"));
        smt.put("sibling_groups", groups);
        r.put("smt", smt);
        List<Map<String, Object>> devices = new ArrayList<>();
        BlockDeviceLocator locator = new BlockDeviceLocator(fs);
        for (String disk : fs.list("/sys/block")) {
            String real = fs.realPath("/sys/block/" + disk).orElse("");
            if (real.isEmpty() || real.contains("/virtual/")) {
                continue; // loop, zram, dm: no hardware queues or interrupts of their own
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", disk);
            OptionalInt node = DeviceNuma.nodeOf(fs, disk);
            d.put("numa_node", node.isPresent() ? node.getAsInt() : -1);
            Map<String, String> queues = new LinkedHashMap<>();
            List<String> hctx = new ArrayList<>(fs.list("/sys/block/" + disk + "/mq"));
            hctx.sort(java.util.Comparator.comparingInt(TopologyReport::number));
            for (String q : hctx) {
                queues.put(q, fs.readLine("/sys/block/" + disk + "/mq/" + q + "/cpu_list").map(CpuList::parse)
                        .map(CpuList::format).orElse("?"));
            }
            d.put("hw_queues", queues);
            List<Map<String, Object>> irqs = new ArrayList<>();
            for (DeviceIrq irq : locator.irqsOf(disk)) {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("irq", irq.irq());
                i.put("name", irq.name());
                i.put("effective", CpuList.format(irq.effectiveCpus()));
                i.put("affinity", fs.readLine("/proc/irq/" + irq.irq() + "/smp_affinity_list").orElse("?"));
                irqs.add(i);
            }
            d.put("irqs", irqs);
            SortedSet<Integer> irqCpus = new TreeSet<>();
            locator.irqsOf(disk).forEach(i -> irqCpus.addAll(i.effectiveCpus()));
            d.put("irq_cpus", CpuList.format(irqCpus));
            devices.add(d);
        }
        r.put("block_devices", devices);
        Map<String, Object> nvme = new LinkedHashMap<>();
        nvme.put("loaded", NvmeDriver.loaded(fs));
        nvme.put("params", NvmeDriver.params(fs));
        r.put("nvme_module", nvme);
        r.put("irqbalance", Irqbalance.running(fs) ? "running" : "stopped");
        r.put("cpuidle", cpuidle(fs, cpus.online()));
        return r;
    }

    /** How idle CPUs sleep: it decides what a wake-up costs, part of every interrupt-core measurement. */
    private static Map<String, Object> cpuidle(HostFs fs, SortedSet<Integer> online) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("driver", CpuIdle.driver(fs));
        c.put("governor", CpuIdle.governor(fs));
        fs.readLine("/sys/module/haltpoll/parameters/guest_halt_poll_ns").ifPresent(ns -> c.put("guest_halt_poll_ns", ns));
        List<Map<String, Object>> states = new ArrayList<>();
        if (!online.isEmpty()) {
            for (CpuIdle.State st : CpuIdle.states(fs, online.first())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", st.name());
                m.put("latency_us", st.latencyUs());
                m.put("disabled", st.disabled());
                states.add(m);
            }
        }
        c.put("states", states);
        c.put("latency_limit_us", CpuIdle.limitsByValue(fs, online));
        return c;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("host %s, kernel %s%n", r.get("hostname"), r.get("kernel")));
        out.append(String.format("CPUs online  %s%n", r.get("online_cpus")));
        ((Map<String, String>) r.get("numa_nodes")).forEach((n, c) -> out.append(String.format("NUMA node %-3s %s%n", n, c)));
        Map<String, Object> smt = (Map<String, Object>) r.get("smt");
        List<String> groups = (List<String>) smt.get("sibling_groups");
        out.append(String.format("SMT          %s, %s%n", smt.get("control"),
                groups.isEmpty() ? "no siblings (one thread per core)" : "siblings " + String.join(" ", groups)));
        for (Map<String, Object> d : (List<Map<String, Object>>) r.get("block_devices")) {
            Map<String, String> queues = (Map<String, String>) d.get("hw_queues");
            out.append(String.format("%nblock device %s (NUMA node %s): %d hardware queue(s), IRQs land on CPU(s) %s%n",
                    d.get("name"), d.get("numa_node"), queues.size(), blankAsNone((String) d.get("irq_cpus"))));
            out.append(String.format("  %-8s %s%n", "queue", "CPUs submitting to it"));
            queues.forEach((q, c) -> out.append(String.format("  %-8s %s%n", q, c)));
            List<Map<String, Object>> irqs = (List<Map<String, Object>>) d.get("irqs");
            if (irqs.isEmpty()) {
                out.append("  no interrupts found (polled or virtual device)\n");
            } else {
                out.append(String.format("  %-6s %-18s %-10s %s%n", "IRQ", "name", "lands on", "allowed (smp_affinity_list)"));
                for (Map<String, Object> i : irqs) {
                    out.append(String.format("  %-6s %-18s %-10s %s%n", i.get("irq"), i.get("name"), "CPU " + i.get("effective"),
                            i.get("affinity")));
                }
            }
        }
        Map<String, Object> nvme = (Map<String, Object>) r.get("nvme_module");
        Map<String, String> params = (Map<String, String>) nvme.get("params");
        out.append(String.format("%nnvme module  %s%n", Boolean.TRUE.equals(nvme.get("loaded"))
                ? (params.isEmpty() ? "loaded" : "loaded, " + String.join(" ", params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()))
                : "not loaded"));
        out.append(String.format("irqbalance   %s%n", r.get("irqbalance")));
        Map<String, Object> idle = (Map<String, Object>) r.get("cpuidle");
        if (idle != null) {
            out.append(String.format("cpuidle      %s%n", renderIdle(idle)));
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static String renderIdle(Map<String, Object> idle) {
        if ("none".equals(idle.get("driver"))) {
            return "no cpuidle driver (the architecture's default idle; host.max_idle_latency_us has no effect)";
        }
        StringBuilder out = new StringBuilder().append(idle.get("driver")).append(" (governor ").append(idle.get("governor"));
        if (idle.containsKey("guest_halt_poll_ns")) {
            out.append(", guest_halt_poll_ns=").append(idle.get("guest_halt_poll_ns"));
        }
        out.append("): ");
        List<String> states = new ArrayList<>();
        for (Map<String, Object> st : (List<Map<String, Object>>) idle.get("states")) {
            states.add(st.get("name") + " " + st.get("latency_us") + " µs" + (Boolean.TRUE.equals(st.get("disabled"))
                    ? " (disabled)" : ""));
        }
        out.append(String.join(", ", states));
        List<String> limits = new ArrayList<>();
        ((Map<String, String>) idle.get("latency_limit_us")).forEach((limit, cpus) -> limits.add(switch (limit) {
            case CpuIdle.NO_LIMIT -> "no latency limit on CPU " + cpus;
            case CpuIdle.POLL_ONLY -> "poll only on CPU " + cpus;
            default -> "at most " + limit + " µs on CPU " + cpus;
        }));
        if (!limits.isEmpty()) {
            out.append("; ").append(String.join(", ", limits));
        }
        return out.toString();
    }

    private static String blankAsNone(String s) {
        return s.isEmpty() ? "none" : s;
    }
}
