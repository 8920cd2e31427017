package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

/** Starts and stops system services (irqbalance); real hosts use systemctl, tests a fake. */
public interface ServiceManager {

    void stop(String unit) throws HostException;

    void start(String unit) throws HostException;

    static ServiceManager refusing(String why) {
        return new ServiceManager() {
            @Override
            public void stop(String unit) throws HostException {
                throw new HostException("cannot stop " + unit + ": " + why);
            }

            @Override
            public void start(String unit) throws HostException {
                throw new HostException("cannot start " + unit + ": " + why);
            }
        };
    }
}
