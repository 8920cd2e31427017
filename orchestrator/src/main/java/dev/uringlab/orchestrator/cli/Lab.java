package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.plan.Planner;
import dev.uringlab.orchestrator.probe.HostProbeSupport;
import dev.uringlab.orchestrator.probe.ProbeCatalog;

import java.util.Set;

/** The host the commands act on and what it can do, built once per command. */
final class Lab {

    final HostFs fs;
    final ProbeCatalog catalog;
    final HostProbeSupport probeSupport;

    private Lab(HostFs fs) {
        this.fs = fs;
        this.catalog = ProbeCatalog.builtin();
        this.probeSupport = HostProbeSupport.detect(fs);
    }

    /** URINGLAB_HOST_ROOT points the whole tool at a fake /proc and /sys tree (tests, demos of other hosts). */
    static Lab open() {
        String root = System.getenv("URINGLAB_HOST_ROOT");
        return new Lab(root == null || root.isBlank() ? HostFs.real() : new HostFs(java.nio.file.Path.of(root)));
    }

    Set<String> probeIds() {
        return Set.copyOf(catalog.ids());
    }

    Planner planner() {
        return new Planner(fs, catalog, probeSupport);
    }
}
