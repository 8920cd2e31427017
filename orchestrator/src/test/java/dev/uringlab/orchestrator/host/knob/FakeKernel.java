package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.KernelWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A kernel for fake trees, refusing the way real ones do: writing the affinity of a managed IRQ
 * (NVMe I/O queue) fails with EIO, and on a VM that forbids it every IRQ write fails with EPERM.
 * An accepted affinity write moves the IRQ to the first allowed CPU, as x86 vector allocation
 * does on an idle machine; drop_caches accepts and keeps nothing.
 */
public final class FakeKernel implements KernelWriter {

    private final Path root;
    private final boolean irqWritesForbidden;
    public final AtomicInteger dropCaches = new AtomicInteger();
    public final AtomicInteger writes = new AtomicInteger();

    private FakeKernel(Path root, boolean irqWritesForbidden) {
        this.root = root;
        this.irqWritesForbidden = irqWritesForbidden;
    }

    public static FakeKernel server(Path root) {
        return new FakeKernel(root, false);
    }

    public static FakeKernel vm(Path root) {
        return new FakeKernel(root, true);
    }

    public HostFs fs() {
        return new HostFs(root, this);
    }

    @Override
    public void write(Path file, String hostPath, byte[] value) throws IOException {
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(hostPath);
        }
        if (hostPath.equals("/proc/sys/vm/drop_caches")) {
            dropCaches.incrementAndGet();
            return;
        }
        if (hostPath.matches("/proc/irq/\\d+/smp_affinity_list")) {
            if (irqWritesForbidden) {
                throw new IOException("Operation not permitted");
            }
            int irq = Integer.parseInt(hostPath.split("/")[3]);
            if (managed(irq)) {
                throw new IOException("Input/output error");
            }
            KernelWriter.FILES.write(file, hostPath, value);
            String first = new String(value).strip().split("[,-]")[0];
            Files.writeString(file.resolveSibling("effective_affinity_list"), first + "\n");
            writes.incrementAndGet();
            return;
        }
        KernelWriter.FILES.write(file, hostPath, value);
        writes.incrementAndGet();
    }

    private boolean managed(int irq) throws IOException {
        for (String line : Files.readAllLines(root.resolve("proc/interrupts"))) {
            String t = line.strip();
            if (t.startsWith(irq + ":")) {
                return t.matches(".*nvme\\d+q[1-9]\\d*$");
            }
        }
        return false;
    }
}
