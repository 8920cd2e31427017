package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostFs;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What knobs act through: the file tree, the module loader, the service manager, whether we are
 * root, how to flush dirty pages before dropping caches, and how long to wait for devices to
 * come back after a driver reload. Tests swap every piece for a fake.
 */
public record KnobContext(HostFs fs, ModuleLoader modules, ServiceManager services, BooleanSupplier root,
        Runnable syncFileSystems, Duration deviceWait) {

    /**
     * The real tools only when {@code fs} is the machine's own root: with a fake tree
     * (URINGLAB_HOST_ROOT) modprobe and systemctl would change this machine, not the tree.
     */
    public static KnobContext forHost(HostFs fs) {
        if (fs.isRealRoot()) {
            return new KnobContext(fs, new Modprobe(), new Systemctl(), Privileges::isRoot, KnobContext::sync,
                    Duration.ofSeconds(30));
        }
        String why = "the host root is the fake tree " + fs.root() + ", and the tool would act on this machine instead";
        return new KnobContext(fs, ModuleLoader.refusing(why), ServiceManager.refusing(why), Privileges::isRoot, () -> {
        }, Duration.ZERO);
    }

    void requireRoot(String what, String file) throws NeedsRootException {
        if (!root.getAsBoolean()) {
            throw new NeedsRootException(what, file);
        }
    }

    // Dirty pages are not dropped by drop_caches; sync(1) first, as the kernel documentation asks.
    private static void sync() {
        try {
            ToolRunner.run("sync", java.util.List.of(), Duration.ofMinutes(5));
        } catch (dev.uringlab.orchestrator.host.HostException e) {
            // drop_caches still drops the clean pages; the run records what it ran under.
        }
    }
}
