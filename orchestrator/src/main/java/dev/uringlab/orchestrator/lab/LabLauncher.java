package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.config.ConfigException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Everything between "uringlab lab ..." and a running guest: topology, QEMU, the cached Debian
 * kernel, KVM or TCG, the control files under {@code <results>/.lab/}, then the guest.
 */
public final class LabLauncher {

    /**
     * What the caller chose on the command line; {@code guestTimeout} bounds the command's run time
     * in the guest once booted (zero: no bound).
     */
    public record Options(String topology, String accel, Path cacheDir, Path resultsDir, Duration bootTimeout,
                          Duration guestTimeout) {
        /** The same with another bound on the command's run time. */
        public Options withGuestTimeout(Duration timeout) {
            return new Options(topology, accel, cacheDir, resultsDir, bootTimeout, timeout);
        }
    }

    private final Options options;
    private final PrintStream out;

    public LabLauncher(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Boots the guest, runs {@code argv} in the current directory, returns the command's exit code. */
    public int exec(List<String> argv) throws LabException, ConfigException {
        Prepared p = prepare();
        Guest.Outcome outcome;
        try {
            Path cmd = GuestCommand.write(p.control, Path.of("").toAbsolutePath(), argv, p.topology, p.kernel, p.accel.accel());
            if (!options.guestTimeout().isZero()) {
                say("lab: the guest is stopped if its command runs longer than " + options.guestTimeout().toSeconds()
                        + " s (--guest-timeout) or its kernel locks up");
            }
            outcome = Guest.run(p.topology, p.kernel, p.accel.accel(), p.results, cmd, p.control,
                    new Guest.Limits(options.bootTimeout(), options.guestTimeout(), KernelWatch.DEFAULT_GRACE), out);
        } catch (IOException e) {
            throw LabException.failed("cannot write the guest's command file in " + p.control + ": " + e.getMessage());
        }
        out.printf("lab: guest booted in %.1f s, command exit %d, %.1f s in all (%s)%n", outcome.bootSeconds(),
                outcome.exitCode(), outcome.totalSeconds(), p.accel.accel().label());
        out.flush();
        if (outcome.exitCode() == 0) {
            KernelCache.deleteTree(p.control);
        } else {
            out.println("lab: guest console kept in " + p.control.resolve("console.log"));
        }
        return outcome.exitCode();
    }

    /** An interactive shell in the guest on this terminal. */
    public int shell() throws LabException, ConfigException {
        Prepared p = prepare();
        try {
            Path cmd = GuestCommand.write(p.control, Path.of("").toAbsolutePath(),
                    List.of("setsid", "-c", "bash", "-i"), p.topology, p.kernel, p.accel.accel());
            out.println("lab: booting; leave the shell with exit (or Ctrl-A x to stop the guest at once)");
            out.flush();
            int rc = Guest.interactive(p.topology, p.kernel, p.accel.accel(), p.results, cmd);
            KernelCache.deleteTree(p.control);
            return rc;
        } catch (IOException e) {
            throw LabException.failed("cannot write the guest's command file in " + p.control + ": " + e.getMessage());
        }
    }

    private record Prepared(Topology topology, GuestKernel kernel, Accel.Choice accel, Path results, Path control) {
    }

    private Prepared prepare() throws LabException, ConfigException {
        Topology topology = TopologyLoader.load(options.topology());
        Guest.requireQemu();
        GuestKernel kernel = new KernelCache(options.cacheDir(), this::say).get();
        Accel.Choice accel = AccelChooser.choose(options.accel(), KvmProbe.deviceUsable(),
                () -> KvmProbe.probe(kernel, options.cacheDir()));
        Path results = options.resultsDir().toAbsolutePath().normalize();
        for (Path p : List.of(results, kernel.modulesDir(), Path.of("").toAbsolutePath())) {
            if (p.toString().matches(".*\\s.*")) {
                throw LabException.failed("the path " + p + " contains a space; the guest's kernel command line cannot carry it");
            }
        }
        Path control;
        try {
            Files.createDirectories(results);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            control = Files.createDirectories(results.resolve(".lab").resolve(stamp + "-" + ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw LabException.failed("cannot create " + results + ": " + e.getMessage());
        }
        say("lab: " + topology.describe());
        say("lab: guest kernel " + kernel.release() + " (Debian " + kernel.pkg() + " " + kernel.version() + ")");
        say("lab: accelerator " + accel.describe());
        return new Prepared(topology, kernel, accel, results, control);
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
