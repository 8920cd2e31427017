package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;

/** A change needs root and this process is not: the CLI maps it to exit code 3 (missing privilege). */
public class NeedsRootException extends HostException {
    public NeedsRootException(String what, String file) {
        super(what + " needs root (it writes " + file + "): run as root, e.g. sudo ./uringlab run");
    }
}
