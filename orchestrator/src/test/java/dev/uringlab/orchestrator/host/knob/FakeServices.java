package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** systemctl for a fake tree: irqbalance is its pid file and /proc/PID/comm, removed on stop and put back on start. */
public final class FakeServices implements ServiceManager {

    private final Path root;
    private final String pid;
    public int stops;
    public int starts;

    public FakeServices(Path root, String pid) {
        this.root = root;
        this.pid = pid;
    }

    @Override
    public void stop(String unit) throws HostException {
        stops++;
        try {
            Files.deleteIfExists(root.resolve("run/irqbalance.pid"));
            Files.deleteIfExists(root.resolve("proc/" + pid + "/comm"));
            Files.deleteIfExists(root.resolve("proc/" + pid));
        } catch (IOException e) {
            throw new HostException("fake systemctl stop: " + e.getMessage());
        }
    }

    @Override
    public void start(String unit) throws HostException {
        starts++;
        try {
            Files.createDirectories(root.resolve("proc/" + pid));
            Files.writeString(root.resolve("proc/" + pid + "/comm"), "irqbalance\n");
            Files.writeString(root.resolve("run/irqbalance.pid"), pid + "\n");
        } catch (IOException e) {
            throw new HostException("fake systemctl start: " + e.getMessage());
        }
    }
}
