package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

import java.time.Duration;
import java.util.List;

/** The real {@link ServiceManager}. */
public final class Systemctl implements ServiceManager {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public void stop(String unit) throws HostException {
        ToolRunner.run("systemctl", List.of("stop", unit), TIMEOUT);
    }

    @Override
    public void start(String unit) throws HostException {
        ToolRunner.run("systemctl", List.of("start", unit), TIMEOUT);
    }
}
