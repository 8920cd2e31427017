package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.testing.Prerequisites;

import java.nio.file.Files;
import java.nio.file.Path;

/** What booting a lab guest needs; scripts/install-lab.sh (run by make test) installs all of it. */
final class LabPrerequisites {

    private LabPrerequisites() {
    }

    static void require() {
        Prerequisites.requireTool("qemu-system-x86_64");
        Prerequisites.requireTool("cpio");
        Prerequisites.requireTool("depmod");
        Prerequisites.requireTool("apt-get");
        Prerequisites.require(Files.isRegularFile(Path.of("/bin/busybox")), "busybox-static not installed");
        // Passthrough 9p shares map file owners 1:1; the guest's uringlab runs as root there.
        Prerequisites.requireRoot();
    }

    /** The repository root (tests run in orchestrator/). */
    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("experiments")) ? here : here.getParent();
    }
}
