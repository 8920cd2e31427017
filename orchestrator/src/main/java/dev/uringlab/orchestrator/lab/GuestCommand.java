package dev.uringlab.orchestrator.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The script the guest's /init runs in the chroot: the environment that labels every result as
 * emulated, the working directory, a {@code uringlab} on PATH that is this very build, and the
 * command itself.
 */
final class GuestCommand {

    static final String ENV_EMULATED = "URINGLAB_LAB_EMULATED";
    static final String ENV_TOPOLOGY = "URINGLAB_LAB_TOPOLOGY";
    static final String ENV_KERNEL = "URINGLAB_LAB_GUEST_KERNEL";

    private GuestCommand() {
    }

    /** Writes {@code controlDir}/cmd.sh and {@code controlDir}/bin/uringlab; returns cmd.sh. */
    static Path write(Path controlDir, Path workDir, List<String> argv, Topology topology, GuestKernel kernel,
                      Accel accel) throws IOException {
        Path bin = Files.createDirectories(controlDir.resolve("bin"));
        Path launcher = bin.resolve("uringlab");
        Files.writeString(launcher, "#!/bin/sh\nexec " + quote(GuestJava.javaBinary()) + " ${URINGLAB_JAVA_OPTS:-"
                + GuestJava.JVM_OPTIONS + "} -cp " + quote(GuestJava.classPath()) + " " + GuestJava.MAIN + " \"$@\"\n");
        launcher.toFile().setExecutable(true, false);
        String script = "# Written by uringlab lab; run by the guest's /init inside the host's userland.\n"
                + "export PATH=" + quote(bin + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin") + "\n"
                + "mkdir -p /tmp/home\nexport HOME=/tmp/home LANG=C.UTF-8 TERM=${TERM:-linux}\n"
                + "export " + ENV_EMULATED + "=" + quote(accel.label()) + "\n"
                + "export " + ENV_TOPOLOGY + "=" + quote(topology.describe()) + "\n"
                + "export " + ENV_KERNEL + "=" + quote(kernel.release() + " (Debian " + kernel.pkg() + " "
                + kernel.version() + ")") + "\n"
                + "cd " + quote(workDir.toString()) + " || exit 125\n"
                + argv.stream().map(GuestCommand::quote).collect(Collectors.joining(" ")) + "\n";
        Path cmd = controlDir.resolve("cmd.sh");
        Files.writeString(cmd, script);
        return cmd;
    }

    static String quote(String s) {
        return dev.uringlab.orchestrator.process.ShellQuote.quote(s);
    }
}
