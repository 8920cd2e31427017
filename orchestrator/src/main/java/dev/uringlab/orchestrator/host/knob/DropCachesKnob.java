package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

/**
 * Empties the page cache, dentries and inodes before a run. Not journaled: there is no old
 * value to put back, the cache refills by itself.
 */
public final class DropCachesKnob implements HostKnob {

    static final String FILE = "/proc/sys/vm/drop_caches";
    private final KnobContext ctx;

    public DropCachesKnob(KnobContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return "drop-caches";
    }

    @Override
    public String target() {
        return FILE;
    }

    @Override
    public String plan() {
        return "drop caches: sync, then write 3 to " + FILE + " (page cache, dentries, inodes; nothing to restore)";
    }

    @Override
    public void check() throws HostException {
        if (!ctx.fs().exists(FILE)) {
            throw new HostException("drop caches: " + FILE + " does not exist on this host");
        }
        ctx.requireRoot("drop caches", FILE);
    }

    @Override
    public void apply(Journal journal) throws HostException {
        check();
        ctx.syncFileSystems().run();
        ctx.fs().write(FILE, "3\n");
    }
}
