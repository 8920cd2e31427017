package dev.uringlab.orchestrator.host;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who uses a disk or its partitions: a mounted file system, swap, a device-mapper/md holder, an
 * open file descriptor. A driver reload under any of them fails or, worse, yanks the device.
 */
public final class DeviceUsage {

    private DeviceUsage() {
    }

    /** The first use found, as a phrase naming the device and the user; empty when unused. */
    public static Optional<String> firstUse(HostFs fs, String disk) {
        Map<String, String> devNumbers = new TreeMap<>(); // major:minor -> name, disk and partitions
        collect(fs, disk, devNumbers);
        String mountinfo = fs.read("/proc/self/mountinfo").orElse("");
        for (String line : mountinfo.split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 4 && devNumbers.containsKey(f[2])) {
                int dash = java.util.Arrays.asList(f).indexOf("-");
                String fsType = dash > 0 && dash + 1 < f.length ? f[dash + 1] : "?";
                return Optional.of(f[4] + " is mounted from /dev/" + devNumbers.get(f[2]) + " (" + fsType + ")");
            }
        }
        for (String line : fs.read("/proc/swaps").orElse("").split("\n")) {
            for (String name : devNumbers.values()) {
                if (line.startsWith("/dev/" + name + " ")) {
                    return Optional.of("/dev/" + name + " is in use as swap");
                }
            }
        }
        for (String name : devNumbers.values()) {
            List<String> holders = fs.list("/sys/class/block/" + name + "/holders");
            if (!holders.isEmpty()) {
                return Optional.of("/dev/" + name + " is held by " + String.join(", ", holders) + " (device-mapper, md or similar)");
            }
        }
        for (String pid : fs.list("/proc")) {
            if (!pid.chars().allMatch(Character::isDigit)) {
                continue;
            }
            for (String fd : fs.list("/proc/" + pid + "/fd")) {
                Optional<String> link = fs.readLink("/proc/" + pid + "/fd/" + fd);
                for (String name : devNumbers.values()) {
                    if (link.isPresent() && link.get().equals("/dev/" + name)) {
                        String comm = fs.readLine("/proc/" + pid + "/comm").orElse("?");
                        return Optional.of("/dev/" + name + " is open by " + comm + " (pid " + pid + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void collect(HostFs fs, String disk, Map<String, String> out) {
        fs.readLine("/sys/block/" + disk + "/dev").ifPresent(d -> out.put(d, disk));
        for (String child : fs.list("/sys/block/" + disk)) {
            if (child.startsWith(disk) && fs.exists("/sys/block/" + disk + "/" + child + "/partition")) {
                fs.readLine("/sys/block/" + disk + "/" + child + "/dev").ifPresent(d -> out.put(d, child));
            }
        }
    }

    public static List<String> usesOf(HostFs fs, List<String> disks) {
        List<String> uses = new ArrayList<>();
        for (String d : disks) {
            firstUse(fs, d).ifPresent(uses::add);
        }
        return uses;
    }
}
