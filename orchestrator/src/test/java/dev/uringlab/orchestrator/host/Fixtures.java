package dev.uringlab.orchestrator.host;

import java.nio.file.Path;

/** The recorded and modelled host trees under src/test/fixtures (kept off the classpath: Maven would flatten their symlinks). */
public final class Fixtures {
    public static final HostFs VM = new HostFs(Path.of("src/test/fixtures/hosts/vm-2cpu-virtio"));
    public static final HostFs SERVER = new HostFs(Path.of("src/test/fixtures/hosts/server-2socket-40cpu-nvme"));
    public static final HostFs NVME_MULTIPATH = new HostFs(Path.of("src/test/fixtures/hosts/server-nvme-multipath"));

    private Fixtures() {
    }
}
