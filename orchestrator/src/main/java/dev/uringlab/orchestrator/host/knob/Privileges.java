package dev.uringlab.orchestrator.host.knob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process may change the host; read from the real /proc, never from a fake root. */
public final class Privileges {

    private Privileges() {
    }

    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid decides
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
