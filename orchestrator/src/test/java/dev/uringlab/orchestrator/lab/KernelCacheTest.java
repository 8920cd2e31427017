package dev.uringlab.orchestrator.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two tool outputs the kernel cache reads, as apt-cache 2.6 and kmod 30 (Debian 12) print them. */
class KernelCacheTest {

    @Test
    void theMetaPackagePointsAtTheVersionedImage() {
        String out = "linux-image-amd64\n  Depends: linux-image-6.1.0-56-amd64\n";
        assertEquals(Optional.of("linux-image-6.1.0-56-amd64"), KernelCache.parseDepends(out));
        assertEquals(Optional.empty(), KernelCache.parseDepends("linux-image-amd64\n"));
    }

    @Test
    void showDependsGivesLoadOrderAndSkipsBuiltins() {
        String out = """
                insmod /c/lib/modules/6.1.0-56-amd64/kernel/fs/netfs/netfs.ko\s
                insmod /c/lib/modules/6.1.0-56-amd64/kernel/net/9p/9pnet.ko\s
                builtin virtio_pci
                insmod /c/lib/modules/6.1.0-56-amd64/kernel/fs/9p/9p.ko\s
                """;
        assertEquals(List.of(Path.of("/c/lib/modules/6.1.0-56-amd64/kernel/fs/netfs/netfs.ko"),
                Path.of("/c/lib/modules/6.1.0-56-amd64/kernel/net/9p/9pnet.ko"),
                Path.of("/c/lib/modules/6.1.0-56-amd64/kernel/fs/9p/9p.ko")), KernelCache.parseShowDepends(out));
    }
}
