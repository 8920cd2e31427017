package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real {@link ModuleLoader}: modprobe -r MODULE; modprobe MODULE key=value... */
public final class Modprobe implements ModuleLoader {

    // Unloading nvme waits for outstanding I/O and controller shutdown; a minute is generous.
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public void unload(String module) throws HostException {
        ToolRunner.run("modprobe", List.of("-r", module), TIMEOUT);
    }

    @Override
    public void load(String module, Map<String, String> params) throws HostException {
        List<String> args = new ArrayList<>();
        args.add(module);
        params.forEach((k, v) -> args.add(k + "=" + v));
        ToolRunner.run("modprobe", args, TIMEOUT);
    }
}
