package dev.uringlab.orchestrator.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the disk behind a file or device and that disk's I/O interrupts:
 * file → mount (mountinfo) → major:minor → /sys/dev/block → whole disk (partitions and
 * device-mapper/md are followed to their underlying disks) → the PCI function's msi_irqs →
 * /proc/irq/N/effective_affinity_list.
 */
public final class BlockDeviceLocator {

    private static final Pattern IRQ_LINE = Pattern.compile("^\\s*(\\d+):(.*)$");

    private final HostFs fs;

    public BlockDeviceLocator(HostFs fs) {
        this.fs = fs;
    }

    /** The disk(s) holding {@code hostPath} (an absolute, symlink-free path on the host). */
    public List<String> disksForPath(String hostPath) throws HostException {
        String mountinfo = fs.read("/proc/self/mountinfo")
                .orElseThrow(() -> new HostException("cannot read /proc/self/mountinfo to find the device of " + hostPath));
        String bestMount = null;
        String bestDevice = null;
        for (String line : mountinfo.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 5) {
                continue;
            }
            String mountPoint = unescape(f[4]);
            if (isUnder(hostPath, mountPoint) && (bestMount == null || mountPoint.length() >= bestMount.length())) {
                bestMount = mountPoint;
                bestDevice = f[2];
            }
        }
        if (bestDevice == null) {
            throw new HostException("no mount holds " + hostPath + " (checked /proc/self/mountinfo)");
        }
        List<String> disks = disksForDevNumber(bestDevice);
        if (disks.isEmpty()) {
            throw new HostException(hostPath + " is on " + bestMount + " (device " + bestDevice
                    + "), which is not backed by a block device (tmpfs, overlay or network file system?)");
        }
        return disks;
    }

    /** The disk(s) for a device node such as /dev/vda1 or /dev/nvme0n1. */
    public List<String> disksForDevice(String devPath) throws HostException {
        String name = devPath.substring(devPath.lastIndexOf('/') + 1);
        if (!fs.exists("/sys/class/block/" + name)) {
            throw new HostException(devPath + ": no such block device (/sys/class/block/" + name + " is absent)");
        }
        return wholeDisks(name);
    }

    private List<String> disksForDevNumber(String majorMinor) {
        Optional<String> real = fs.realPath("/sys/dev/block/" + majorMinor);
        if (real.isEmpty()) {
            return List.of();
        }
        String name = real.get().substring(real.get().lastIndexOf('/') + 1);
        return wholeDisks(name);
    }

    private List<String> wholeDisks(String name) {
        List<String> result = new ArrayList<>();
        collectDisks(name, result, 0);
        return result;
    }

    private void collectDisks(String name, List<String> out, int depth) {
        if (depth > 8) {
            return;
        }
        String base = "/sys/class/block/" + name;
        if (fs.exists(base + "/partition")) {
            fs.realPath(base).ifPresent(real -> {
                String parent = real.substring(0, real.lastIndexOf('/'));
                collectDisks(parent.substring(parent.lastIndexOf('/') + 1), out, depth + 1);
            });
            return;
        }
        List<String> slaves = fs.list(base + "/slaves");
        if (!slaves.isEmpty()) {
            slaves.forEach(s -> collectDisks(s, out, depth + 1));
            return;
        }
        if (!out.contains(name)) {
            out.add(name);
        }
    }

    /**
     * The I/O interrupts of {@code disk}: the MSI vectors of the PCI function above it, minus
     * vectors that carry no I/O completions (virtio "-config", NVMe admin queue "q0").
     */
    public List<DeviceIrq> irqsOf(String disk) {
        List<DeviceIrq> all = vectorsOf(disk);
        List<DeviceIrq> io = all.stream().filter(i -> !isNonIoVector(i.name())).toList();
        return io.isEmpty() ? all : io;
    }

    /** Every interrupt vector of the disk's controller, the admin queue and config vectors included. */
    public List<DeviceIrq> vectorsOf(String disk) {
        Optional<String> real = fs.realPath("/sys/block/" + disk);
        if (real.isEmpty()) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String device : interruptingDevices(real.get())) {
            numbers.addAll(vectorsAbove(device));
        }
        java.util.Map<Integer, String> names = interruptNames();
        List<DeviceIrq> all = new ArrayList<>();
        for (int n : numbers) {
            String name = names.getOrDefault(n, "");
            SortedSet<Integer> cpus = fs.readLine("/proc/irq/" + n + "/effective_affinity_list")
                    .or(() -> fs.readLine("/proc/irq/" + n + "/smp_affinity_list"))
                    .map(CpuList::parse).orElse(new TreeSet<>());
            all.add(new DeviceIrq(n, name, cpus));
        }
        return all;
    }

    /**
     * The sysfs device(s) whose PCI ancestors raise the disk's interrupts. Usually the disk itself;
     * for an NVMe multipath namespace head (/sys/devices/virtual/nvme-subsystem/nvme-subsysN/nvmeXnY,
     * the default with nvme_core.multipath=Y) it is every controller linked in the subsystem.
     */
    private List<String> interruptingDevices(String diskPath) {
        String parent = diskPath.substring(0, diskPath.lastIndexOf('/'));
        if (!parent.contains("/nvme-subsystem/")) {
            return List.of(diskPath);
        }
        List<String> controllers = new ArrayList<>();
        for (String entry : fs.list(parent)) {
            if (entry.matches("nvme\\d+")) {
                fs.realPath(parent + "/" + entry).ifPresent(controllers::add);
            }
        }
        return controllers.isEmpty() ? List.of(diskPath) : controllers;
    }

    /** MSI vectors (or the legacy IRQ) of the nearest PCI ancestor of a sysfs device. */
    private List<Integer> vectorsAbove(String device) {
        List<Integer> numbers = new ArrayList<>();
        String dir = device;
        while (dir.lastIndexOf('/') > 0) {
            List<String> msi = fs.list(dir + "/msi_irqs");
            if (!msi.isEmpty()) {
                msi.forEach(n -> numbers.add(Integer.parseInt(n)));
                break;
            }
            Optional<String> legacy = fs.readLine(dir + "/irq");
            if (legacy.isPresent() && !legacy.get().equals("0") && dir.contains("/pci")) {
                numbers.add(Integer.parseInt(legacy.get()));
                break;
            }
            dir = dir.substring(0, dir.lastIndexOf('/'));
        }
        return numbers;
    }

    static boolean isNonIoVector(String name) {
        return name.endsWith("-config") || name.matches(".*nvme\\d+q0$");
    }

    /** IRQ number → its action name (last column of /proc/interrupts). */
    java.util.Map<Integer, String> interruptNames() {
        java.util.Map<Integer, String> names = new java.util.HashMap<>();
        for (String line : fs.read("/proc/interrupts").orElse("").split("\n")) {
            Matcher m = IRQ_LINE.matcher(line);
            if (m.matches()) {
                String[] cols = m.group(2).trim().split("\\s+");
                names.put(Integer.parseInt(m.group(1)), cols.length == 0 ? "" : cols[cols.length - 1]);
            }
        }
        return names;
    }

    public SortedSet<Integer> onlineCpus() {
        return fs.readLine("/sys/devices/system/cpu/online").map(CpuList::parse).orElseGet(() -> {
            SortedSet<Integer> cpus = new TreeSet<>();
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                cpus.add(i);
            }
            return cpus;
        });
    }

    private static boolean isUnder(String path, String mountPoint) {
        if (mountPoint.equals("/")) {
            return true;
        }
        return path.equals(mountPoint) || path.startsWith(mountPoint + "/");
    }

    /** mountinfo escapes spaces and the like as octal ({@code \040}). */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
