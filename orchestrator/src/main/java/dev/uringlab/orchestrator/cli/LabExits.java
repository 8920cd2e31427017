package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.lab.LabException;

/** A lab failure becomes the usual one line; a missing QEMU, busybox or kernel package exits 3. */
final class LabExits {

    interface Body {
        int run() throws LabException, ConfigException;
    }

    private LabExits() {
    }

    static int run(Body body) throws Exception {
        try {
            return body.run();
        } catch (LabException e) {
            if (e.missingTool()) {
                throw new MissingToolException(e.getMessage());
            }
            throw e;
        }
    }
}
