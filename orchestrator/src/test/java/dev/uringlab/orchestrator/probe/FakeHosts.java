package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.host.HostFs;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The recorded host trees under src/test/resources/probe/ (see README.txt there). */
final class FakeHosts {

    private FakeHosts() {
    }

    static HostFs vm() {
        return tree("vm");
    }

    static HostFs bareMetal() {
        return tree("baremetal");
    }

    static HostFs noTracefs() {
        return tree("notracefs");
    }

    static HostFs tree(String name) {
        try {
            return new HostFs(Path.of(FakeHosts.class.getResource("/probe/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
