package dev.uringlab.orchestrator.config;

import java.util.List;

/**
 * Targets on kernel pseudo file systems (/proc, /sys and their like): no block device does their
 * I/O, so a sweep there measures nothing the thesis is about. Refused where the path is written,
 * with its position; the planner's block-device lookup remains the check for everything else
 * (tmpfs, overlay, NFS), which the text of the file alone cannot tell.
 */
final class PseudoFsPaths {

    private static final List<String> ROOTS = List.of("/proc", "/sys", "/dev/pts", "/dev/mqueue");

    private PseudoFsPaths() {
    }

    static void check(String path, Node.Position at) throws ConfigException {
        String normalized = java.nio.file.Path.of(path).normalize().toString();
        for (String root : ROOTS) {
            if (normalized.equals(root) || normalized.startsWith(root + "/")) {
                throw new ConfigException(at, "target.path: '" + path + "' is on the " + root
                        + " pseudo file system, which no block device backs; use a file on a disk or kind: scratch");
            }
        }
    }
}
