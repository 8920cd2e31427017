package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.lab.KernelCache;
import dev.uringlab.orchestrator.lab.LabLauncher;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** How a lab guest boots and how long it may take (accelerator, kernel cache, boot and run bounds): shared by the lab commands and reproduce --lab. */
final class GuestOptions {

    @Option(names = "--accel", paramLabel = "auto|kvm|tcg", defaultValue = "auto",
            description = "KVM if a short test boot works, else TCG (default: ${DEFAULT-VALUE}).")
    String accel = "auto";

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where the guest kernel and initramfs are kept (default: $URINGLAB_CACHE or ~/.cache/uringlab).")
    Path cache;

    @Option(names = "--boot-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Give up when the guest has not booted after this long (default: ${DEFAULT-VALUE}).")
    int bootTimeout = 180;

    /** An hour: far beyond LabIT's ~6 min of checks, far below a CI job's limit; lab run derives its own. */
    static final int DEFAULT_GUEST_TIMEOUT = 3600;

    @Option(names = "--guest-timeout", paramLabel = "SECONDS",
            description = "Stop the guest when its command has run this long after boot, 0 for no bound (default: "
                    + DEFAULT_GUEST_TIMEOUT + " s; lab run: from the experiment's estimated duration; lab shell: none).")
    Integer guestTimeout;

    /** The launcher's options for one guest of {@code topology} writing to {@code results}. */
    LabLauncher.Options toOptions(String topology, Path results) {
        if (!accel.equals("auto") && !accel.equals("kvm") && !accel.equals("tcg")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--accel: expected auto, kvm or tcg, got '" + accel + "'");
        }
        if (guestTimeout != null && guestTimeout < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--guest-timeout: expected seconds (0 for no bound), got " + guestTimeout);
        }
        return new LabLauncher.Options(topology, accel, cache == null ? KernelCache.defaultCacheDir() : cache,
                results, Duration.ofSeconds(bootTimeout),
                Duration.ofSeconds(guestTimeout == null ? DEFAULT_GUEST_TIMEOUT : guestTimeout));
    }
}
