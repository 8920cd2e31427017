package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostFs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A copy of a fixture tree with its fake kernel, modprobe and systemctl: a host tests may change. */
public final class FakeHost {

    public final Path root;
    public final FakeKernel kernel;
    public final FakeNvme nvme;
    public final FakeServices services;
    public boolean root_ = true;

    private FakeHost(Path root, FakeKernel kernel, boolean rotate) {
        this.root = root;
        this.kernel = kernel;
        this.nvme = new FakeNvme(root, rotate);
        this.services = new FakeServices(root, "1234");
    }

    public static FakeHost server(Path dir) throws IOException {
        return server(dir, false);
    }

    public static FakeHost server(Path dir, boolean rotateEffective) throws IOException {
        Path root = HostTrees.copy(HostTrees.SERVER, dir.resolve("server"));
        return new FakeHost(root, FakeKernel.server(root), rotateEffective);
    }

    public static FakeHost vm(Path dir) throws IOException {
        Path root = HostTrees.copy(HostTrees.VM, dir.resolve("vm"));
        return new FakeHost(root, FakeKernel.vm(root), false);
    }

    /** Direct constructor for a tree that already exists (the subprocess of the kill test). */
    public static FakeHost existingServer(Path root) {
        return new FakeHost(root, FakeKernel.server(root), false);
    }

    public HostFs fs() {
        return kernel.fs();
    }

    public KnobContext ctx() {
        return new KnobContext(fs(), nvme, services, () -> root_, () -> {
        }, Duration.ZERO);
    }

    /** The server's /data lives on the NVMe disk; drop it so the driver may be reloaded. */
    public FakeHost unmountData() throws IOException {
        Path mountinfo = root.resolve("proc/self/mountinfo");
        List<String> kept = Files.readAllLines(mountinfo).stream().filter(l -> !l.contains(" /data ")).toList();
        Files.writeString(mountinfo, kept.stream().collect(Collectors.joining("\n", "", "\n")));
        return this;
    }

    public String hash() throws IOException {
        return HostTrees.hash(root);
    }

    public String read(String abs) throws IOException {
        return Files.readString(root.resolve(abs.substring(1))).strip();
    }
}
