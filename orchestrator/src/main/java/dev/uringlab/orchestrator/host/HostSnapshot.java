package dev.uringlab.orchestrator.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The host state a run actually ran under, for run.json: where the target's IRQs land, the NVMe
 * queue layout and module parameters, irqbalance, governors, turbo, SMT and the cpuidle
 * driver with each CPU's idle latency limit. Taken before and
 * after a run, {@link #diff} names what moved in between (irqbalance moving an IRQ, say).
 */
public record HostSnapshot(Map<String, Object> state) {

    public HostSnapshot {
        state = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }

    /** {@code disk} may join several disks with '+', as TargetTopology does. IRQs are re-read: a reload renumbers them. */
    public static HostSnapshot take(HostFs fs, String disk) {
        Map<String, Object> s = new LinkedHashMap<>();
        BlockDeviceLocator locator = new BlockDeviceLocator(fs);
        s.put("online_cpus", CpuList.format(locator.onlineCpus()));
        Map<String, Object> irqs = new TreeMap<>(java.util.Comparator.comparingInt(Integer::parseInt));
        for (String d : disk.split("\\+")) {
            for (DeviceIrq irq : locator.irqsOf(d)) {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("name", irq.name());
                i.put("effective", CpuList.format(irq.effectiveCpus()));
                i.put("affinity", fs.readLine("/proc/irq/" + irq.irq() + "/smp_affinity_list").orElse("?"));
                irqs.put(Integer.toString(irq.irq()), i);
            }
        }
        s.put("irqs", irqs);
        if (NvmeDriver.loaded(fs) || !NvmeDriver.disks(fs).isEmpty()) {
            Map<String, Object> nvme = new LinkedHashMap<>();
            nvme.put("params", new TreeMap<>(NvmeDriver.params(fs)));
            Map<String, Object> queues = new TreeMap<>();
            for (String d : NvmeDriver.disks(fs)) {
                NvmeDriver.queues(fs, d).ifPresent(q -> queues.put(d, Map.of("hw", q.hw(), "irq", q.irq(), "poll", q.poll())));
            }
            nvme.put("queues", queues);
            s.put("nvme", nvme);
        }
        s.put("irqbalance", Irqbalance.running(fs) ? "running" : "stopped");
        s.put("governors", governors(fs, locator.onlineCpus()));
        s.put("turbo", turbo(fs));
        s.put("smt", fs.readLine("/sys/devices/system/cpu/smt/control").orElse("unknown"));
        s.put("cpuidle", Map.of("driver", CpuIdle.driver(fs), "governor", CpuIdle.governor(fs),
                "latency_limit_us", CpuIdle.limitsByValue(fs, locator.onlineCpus())));
        return new HostSnapshot(s);
    }

    /** governor -> CPU list, so 40 CPUs with one governor are one entry. */
    private static Map<String, String> governors(HostFs fs, SortedSet<Integer> cpus) {
        return CpuList.byValue(cpus, c -> fs.readLine("/sys/devices/system/cpu/cpu" + c + "/cpufreq/scaling_governor"));
    }

    static String turbo(HostFs fs) {
        var noTurbo = fs.readLine("/sys/devices/system/cpu/intel_pstate/no_turbo");
        if (noTurbo.isPresent()) {
            return noTurbo.get().equals("1") ? "off" : "on";
        }
        return fs.readLine("/sys/devices/system/cpu/cpufreq/boost").map(b -> b.equals("0") ? "off" : "on").orElse("n/a");
    }

    public Map<String, Object> toMap() {
        return state;
    }

    /** One line per difference, empty when the host stayed as it was. */
    public static List<String> diff(HostSnapshot before, HostSnapshot after) {
        Map<String, String> a = flatten("", before.state);
        Map<String, String> b = flatten("", after.state);
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> changes = new ArrayList<>();
        for (String key : keys) {
            String x = a.get(key);
            String y = b.get(key);
            if (Objects.equals(x, y)) {
                continue;
            }
            String[] parts = key.split("\\.");
            if (parts.length == 3 && parts[0].equals("irqs") && parts[2].equals("effective") && x != null && y != null) {
                changes.add("IRQ " + parts[1] + " moved from CPU " + x + " to CPU " + y);
            } else if (parts.length >= 2 && parts[0].equals("irqs") && (x == null || y == null)) {
                if (parts[2].equals("name")) {
                    changes.add("IRQ " + parts[1] + (x == null ? " (" + y + ") appeared" : " (" + x + ") disappeared"));
                }
            } else {
                changes.add(key + " changed: " + (x == null ? "absent" : x) + " -> " + (y == null ? "absent" : y));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(String prefix, Map<?, ?> map) {
        Map<String, String> out = new TreeMap<>();
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            if (v instanceof Map<?, ?> m) {
                out.putAll(flatten(key, m));
            } else {
                out.put(key, String.valueOf(v));
            }
        });
        return out;
    }
}
