package dev.uringlab.orchestrator.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The QEMU command line for a topology. No network device at all (-nic none): the guest
 * reaches the host only through the two 9p shares, and nothing listens anywhere.
 */
final class QemuArgs {

    static final String QEMU = "qemu-system-x86_64";

    private QemuArgs() {
    }

    /**
     * @param console  file the guest's first serial port (its /init and command) is written to; null: the
     *                 terminal (lab shell), which then carries the kernel's messages too
     * @param kernelLog file the kernel's console (the second serial port) is written to, when {@code console} is a file
     * @param disks    one raw image per NVMe controller, in topology order
     * @param cmdFile  the script the guest's /init runs in the chroot
     */
    static List<String> build(Topology t, GuestKernel kernel, Accel accel, Path outDir, Path cmdFile,
                              Path console, Path kernelLog, List<Path> disks) {
        return build(t, kernel, accel, outDir, cmdFile, console, kernelLog, disks, underGuestTmpfs(commandPaths()));
    }

    /** @param keep host directories under the guest's tmpfs mounts that /init binds back (see {@link #underGuestTmpfs}) */
    static List<String> build(Topology t, GuestKernel kernel, Accel accel, Path outDir, Path cmdFile,
                              Path console, Path kernelLog, List<Path> disks, List<String> keep) {
        List<String> a = new ArrayList<>(List.of(QEMU, "-name", "uringlab-lab",
                "-nodefaults", "-no-user-config", "-display", "none", "-nic", "none", "-no-reboot",
                "-accel", accel.qemuName(), "-cpu", accel.cpuModel(),
                "-smp", Integer.toString(t.cpus()), "-m", (t.memoryBytes() >> 20) + "M"));
        if (t.numaNodes().size() > 1) {
            long perNode = (t.memoryBytes() >> 20) / t.numaNodes().size();
            for (int n = 0; n < t.numaNodes().size(); n++) {
                a.add("-object");
                a.add("memory-backend-ram,id=m" + n + ",size=" + perNode + "M");
                a.add("-numa");
                a.add("node,nodeid=" + n + cpuRanges(t.numaNodes().get(n)) + ",memdev=m" + n);
            }
        }
        a.add("-kernel");
        a.add(kernel.vmlinuz().toString());
        a.add("-initrd");
        a.add(kernel.initramfs().toString());
        a.add("-append");
        a.add(cmdline(t, kernel, outDir, cmdFile, keep, console == null ? "ttyS0" : "ttyS1"));
        if (console == null) {
            // The terminal is the console; Ctrl-A x leaves QEMU (its monitor is muxed on the same line).
            a.addAll(List.of("-serial", "mon:stdio"));
        } else {
            // The kernel's messages on a port of their own: every level that names a lockup or stall reaches
            // the watchdog (KernelWatch), and none interleaves with the command's output.
            a.addAll(List.of("-chardev", "file,id=con,path=" + console, "-serial", "chardev:con",
                    "-chardev", "file,id=klog,path=" + kernelLog, "-serial", "chardev:klog"));
        }
        a.addAll(List.of("-virtfs", "local,path=/,mount_tag=host,security_model=passthrough,readonly=on,multidevs=remap"));
        a.addAll(List.of("-virtfs", "local,path=" + outDir + ",mount_tag=out,security_model=passthrough,multidevs=remap"));
        for (int i = 0; i < t.nvme().size(); i++) {
            Topology.Nvme n = t.nvme().get(i);
            String bus = "";
            if (n.node().isPresent()) {
                // A PCI expander bridge carries a NUMA node (ACPI _PXM) the guest reads as the device's numa_node.
                a.addAll(List.of("-device", "pxb,id=pxb" + i + ",bus_nr=" + (32 * (i + 1)) + ",numa_node="
                        + n.node().getAsInt() + ",bus=pci.0"));
                bus = ",bus=pxb" + i + ",addr=0x1";
            }
            a.addAll(List.of("-drive", "file=" + disks.get(i) + ",if=none,id=nv" + i + ",format=raw,cache=unsafe",
                    "-device", "nvme,serial=" + n.serial() + ",drive=nv" + i + ",max_ioqpairs=" + n.queuePairs() + bus));
        }
        return a;
    }

    /** The kernel command line: console, where /init finds its shares and command, and module parameters. */
    static String cmdline(Topology t, GuestKernel kernel, Path outDir, Path cmdFile, List<String> keep, String console) {
        // On a port of its own the kernel keeps its warnings too (loglevel 5): a WARN before an oops is the
        // first clue to it. On the terminal of lab shell only errors and worse (quiet).
        String level = console.equals("ttyS0") ? "quiet" : "loglevel=5";
        StringBuilder s = new StringBuilder("console=" + console + " " + level + " panic=-1 rdinit=/init");
        s.append(" lab.out=").append(outDir).append(" lab.modules=").append(kernel.modulesDir())
                .append(" lab.cmd=").append(cmdFile);
        if (!keep.isEmpty()) {
            s.append(" lab.keep=").append(String.join(":", keep));
        }
        for (Map.Entry<String, Map<String, String>> m : t.moduleParams().entrySet()) {
            m.getValue().forEach((k, v) -> s.append(' ').append(m.getKey()).append('.').append(k).append('=').append(v));
        }
        return s.toString();
    }

    /** What the guest's command runs from and with: this working directory, the JVM and its class path. */
    static List<String> commandPaths() {
        List<String> paths = new ArrayList<>(List.of(Path.of("").toAbsolutePath().toString(), GuestJava.javaBinary()));
        paths.addAll(List.of(GuestJava.classPath().split(java.io.File.pathSeparator)));
        return paths;
    }

    /** The directories the guest's /init covers with its own tmpfs, so a read-only host / stays writable there. */
    static final List<String> GUEST_TMPFS = List.of("/tmp", "/run", "/var/tmp");

    /**
     * Of the host paths the guest's command needs (its working directory, the JVM, the class path: a
     * checkout or a CI clone under /tmp), the top directories under the guest's tmpfs mounts, e.g.
     * /tmp/ci3 for /tmp/ci3/orchestrator/target/classes. /init binds these back read-only; one entry
     * per top directory keeps the kernel command line (2 KiB) short.
     */
    static List<String> underGuestTmpfs(List<String> paths) {
        java.util.SortedSet<String> tops = new java.util.TreeSet<>();
        for (String p : paths) {
            for (String dir : GUEST_TMPFS) {
                if (p.startsWith(dir + "/") && p.length() > dir.length() + 1) {
                    String rest = p.substring(dir.length() + 1);
                    int slash = rest.indexOf('/');
                    String top = dir + "/" + (slash < 0 ? rest : rest.substring(0, slash));
                    if (!top.contains(":") && !top.contains(" ")) {
                        tops.add(top);
                    }
                }
            }
        }
        return List.copyOf(tops);
    }

    private static String cpuRanges(List<Integer> cpus) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < cpus.size()) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
                j++;
            }
            s.append(",cpus=").append(cpus.get(i));
            if (j > i) {
                s.append('-').append(cpus.get(j));
            }
            i = j + 1;
        }
        return s.toString();
    }
}
