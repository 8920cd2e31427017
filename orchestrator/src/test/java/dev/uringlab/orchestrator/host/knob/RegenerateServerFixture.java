package dev.uringlab.orchestrator.host.knob;

import java.nio.file.Path;
import java.util.Map;

/** Rewrites the server fixture's NVMe files from {@link FakeNvme}: run by hand after changing the model. */
public final class RegenerateServerFixture {
    public static void main(String[] args) throws Exception {
        FakeNvme nvme = new FakeNvme(Path.of(args.length > 0 ? args[0] : HostTrees.SERVER.toString()), false);
        nvme.unload("nvme");
        nvme.load("nvme", Map.of("poll_queues", "36", "write_queues", "0"));
    }
}
