package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

import java.util.Map;

/** Loads and unloads kernel modules; real hosts use modprobe, tests a fake that rewrites a fake tree. */
public interface ModuleLoader {

    void unload(String module) throws HostException;

    /** Parameters in order, e.g. poll_queues=4 write_queues=0. */
    void load(String module, Map<String, String> params) throws HostException;

    /** Used for fake roots on the command line: modprobe would change this machine, not the tree. */
    static ModuleLoader refusing(String why) {
        return new ModuleLoader() {
            @Override
            public void unload(String module) throws HostException {
                throw new HostException("cannot unload module " + module + ": " + why);
            }

            @Override
            public void load(String module, Map<String, String> params) throws HostException {
                throw new HostException("cannot load module " + module + ": " + why);
            }
        };
    }
}
