package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QemuArgsTest {

    private static final GuestKernel KERNEL = new GuestKernel("linux-image-6.1.0-56-amd64", "6.1.192-2", "6.1.0-56-amd64",
            Path.of("/c/boot/vmlinuz-6.1.0-56-amd64"), Path.of("/c/lib/modules"), Path.of("/c/initramfs-x.cpio"));

    @Test
    void thesisInSmallGivesTwoNodesAnNvmeOnNodeZeroAndNoNetwork() throws ConfigException {
        List<String> a = QemuArgs.build(TopologyLoader.load("thesis-in-small"), KERNEL, Accel.TCG, Path.of("/r"),
                Path.of("/r/.lab/x/cmd.sh"), Path.of("/r/.lab/x/console.log"), Path.of("/r/.lab/x/kernel.log"),
                List.of(Path.of("/tmp/d/lab0.img")), List.of());
        String line = String.join(" ", a);
        assertTrue(line.contains("-nic none"), line);
        assertTrue(line.contains("-accel tcg -cpu max -smp 4 -m 2048M"), line);
        assertTrue(line.contains("-object memory-backend-ram,id=m0,size=1024M -numa node,nodeid=0,cpus=0-1,memdev=m0"), line);
        assertTrue(line.contains("-numa node,nodeid=1,cpus=2-3,memdev=m1"), line);
        assertTrue(line.contains("-device pxb,id=pxb0,bus_nr=32,numa_node=0,bus=pci.0"), line);
        assertTrue(line.contains("-device nvme,serial=lab0,drive=nv0,max_ioqpairs=2,bus=pxb0,addr=0x1"), line);
        assertTrue(line.contains("path=/,mount_tag=host,security_model=passthrough,readonly=on"), line);
        assertTrue(line.contains("path=/r,mount_tag=out,"), line);
        assertTrue(line.contains("-serial chardev:con -chardev file,id=klog,path=/r/.lab/x/kernel.log -serial chardev:klog"),
                "the kernel's messages on a port of their own: " + line);
        assertEquals("console=ttyS1 loglevel=5 panic=-1 rdinit=/init lab.out=/r lab.modules=/c/lib/modules "
                + "lab.cmd=/r/.lab/x/cmd.sh", a.get(a.indexOf("-append") + 1));
    }

    @Test
    void moduleParametersGoOnTheKernelCommandLine() throws ConfigException {
        Topology t = TopologyLoader.parse("p", "p.yaml", "cpus: 3\nmemory: 1g\nnvme: [{queue_pairs: 1, size: 64m}]\n"
                + "modules: {nvme: {poll_queues: 1, write_queues: 0}}\n");
        String cmdline = QemuArgs.cmdline(t, KERNEL, Path.of("/r"), Path.of("/r/c.sh"), List.of(), "ttyS1");
        assertTrue(cmdline.endsWith(" nvme.poll_queues=1 nvme.write_queues=0"), cmdline);
        String shell = String.join(" ", QemuArgs.build(t, KERNEL, Accel.KVM, Path.of("/r"), Path.of("/r/c.sh"), null, null,
                List.of(Path.of("/d.img"))));
        assertTrue(shell.contains("-accel kvm -cpu host -smp 3 -m 1024M -kernel"), shell);
        assertTrue(shell.contains("console=ttyS0 quiet ") && shell.contains("-serial mon:stdio") && !shell.contains("klog"),
                "lab shell: one port, the terminal: " + shell);
    }

    /** A CI clone under /tmp must stay visible in the guest, whose /tmp is its own tmpfs. */
    @Test
    void pathsUnderTheGuestsTmpfsAreKeptByTheirTopDirectory() throws ConfigException {
        assertEquals(List.of("/run/user", "/tmp/ci3", "/var/tmp/x"), QemuArgs.underGuestTmpfs(List.of(
                "/tmp/ci3/orchestrator/target/classes", "/tmp/ci3/analysis/target/classes", "/root/.m2/repository/a.jar",
                "/usr/lib/jvm/java-17/bin/java", "/var/tmp/x", "/run/user/0/y", "/tmp", "/work/main")));
        assertEquals(List.of(), QemuArgs.underGuestTmpfs(List.of("/work/main", "/usr/bin/java")));
        assertTrue(QemuArgs.cmdline(TopologyLoader.load("one-queue"), KERNEL, Path.of("/r"), Path.of("/r/c.sh"),
                List.of("/tmp/ci3", "/run/user"), "ttyS1").contains(" lab.cmd=/r/c.sh lab.keep=/tmp/ci3:/run/user"));
    }
}
