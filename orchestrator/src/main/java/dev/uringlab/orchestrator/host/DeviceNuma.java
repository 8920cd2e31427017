package dev.uringlab.orchestrator.host;

import java.util.Optional;
import java.util.OptionalInt;

/** The NUMA node a block device's PCI function is attached to (numa_node in sysfs). */
public final class DeviceNuma {

    private DeviceNuma() {
    }

    /** Empty when sysfs does not say (virtual devices, numa_node = -1, single-node firmware). */
    public static OptionalInt nodeOf(HostFs fs, String disk) {
        Optional<String> real = fs.realPath("/sys/block/" + disk);
        if (real.isEmpty()) {
            return OptionalInt.empty();
        }
        String dir = real.get();
        while (dir.lastIndexOf('/') > 0) {
            Optional<String> node = fs.readLine(dir + "/numa_node");
            if (node.isPresent()) {
                try {
                    int n = Integer.parseInt(node.get());
                    return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
            dir = dir.substring(0, dir.lastIndexOf('/'));
        }
        return OptionalInt.empty();
    }
}
