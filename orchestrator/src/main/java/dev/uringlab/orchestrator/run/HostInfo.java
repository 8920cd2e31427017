package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.HostFs;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the manifest says about the machine: enough to tell two result sets' hosts apart. */
final class HostInfo {

    private HostInfo() {
    }

    static Map<String, Object> collect(HostFs fs) {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("hostname", fs.readLine("/proc/sys/kernel/hostname").orElse("unknown"));
        host.put("kernel", fs.readLine("/proc/sys/kernel/osrelease").orElse("unknown"));
        host.put("kernel_version", fs.readLine("/proc/version").orElse("unknown"));
        host.put("cpu_model", cpuModel(fs));
        host.put("cpus_online", fs.readLine("/sys/devices/system/cpu/online").orElse(""));
        Map<String, String> nodes = new LinkedHashMap<>();
        for (String node : fs.list("/sys/devices/system/node")) {
            if (node.matches("node\\d+")) {
                nodes.put(node, fs.readLine("/sys/devices/system/node/" + node + "/cpulist").orElse(""));
            }
        }
        host.put("numa_nodes", nodes);
        host.put("smt_active", fs.readLine("/sys/devices/system/cpu/smt/active").orElse("unknown"));
        host.put("cpufreq_governor", fs.readLine("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor").orElse("none"));
        // In a `uringlab lab` guest: host.emulated, the topology and the guest kernel.
        host.putAll(dev.uringlab.orchestrator.lab.GuestLabel.fromEnvironment());
        return host;
    }

    private static String cpuModel(HostFs fs) {
        for (String line : fs.read("/proc/cpuinfo").orElse("").split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    /** The block device's model as the kernel reports it (NVMe, SCSI/SATA); virtio disks have none: "unknown". */
    static String diskModel(HostFs fs, String disk) {
        if (disk == null || disk.isBlank()) {
            return "unknown";
        }
        String name = disk.substring(disk.lastIndexOf('/') + 1);
        return fs.readLine("/sys/block/" + name + "/device/model").map(String::strip).filter(m -> !m.isEmpty())
                .orElse("unknown");
    }

    static String cpus(java.util.Collection<Integer> cpus) {
        return CpuList.format(cpus);
    }
}
