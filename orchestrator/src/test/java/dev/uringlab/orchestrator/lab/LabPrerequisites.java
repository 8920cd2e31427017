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

    /**
     * The first panic or oops line in any guest kernel log under {@code results}, if one crashed.
     * Under multi-threaded TCG the guest kernel oopsed once in a kprobe's patched entry
     * (kick_process+0x0, with kprobes attached): the emulator's or the guest kernel's fault, which
     * a test of uringlab may meet again but must not be judged by.
     */
    static java.util.Optional<String> guestKernelCrash(Path results) throws java.io.IOException {
        Path lab = results.resolve(".lab");
        if (!Files.isDirectory(lab)) {
            return java.util.Optional.empty();
        }
        try (java.util.stream.Stream<Path> logs = Files.walk(lab)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().equals("kernel.log")).toList()) {
                for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    var signature = KernelWatch.match(line);
                    if (signature.isPresent() && signature.get().kind().fatal) {
                        return java.util.Optional.of(signature.get().line() + " (" + log + ")");
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The repository root (tests run in orchestrator/). */
    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("experiments")) ? here : here.getParent();
    }
}
