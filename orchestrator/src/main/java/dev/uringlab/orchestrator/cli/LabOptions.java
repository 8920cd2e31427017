package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.lab.KernelCache;
import dev.uringlab.orchestrator.lab.LabLauncher;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** The options every {@code uringlab lab} subcommand shares. */
final class LabOptions {

    @Option(names = "--topology", paramLabel = "PRESET|FILE", defaultValue = "thesis-in-small",
            description = "A preset (thesis-in-small, one-queue, nvme-2node) or a topology YAML file "
                    + "(default: ${DEFAULT-VALUE}).")
    String topology;

    @Option(names = "--accel", paramLabel = "auto|kvm|tcg", defaultValue = "auto",
            description = "KVM if a short test boot works, else TCG (default: ${DEFAULT-VALUE}).")
    String accel;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where the guest kernel and initramfs are kept (default: $URINGLAB_CACHE or ~/.cache/uringlab).")
    Path cache;

    @Option(names = "--boot-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Give up when the guest has not booted after this long (default: ${DEFAULT-VALUE}).")
    int bootTimeout;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Results directory, shared writable with the guest (default: ${DEFAULT-VALUE}).")
    Path results;

    LabLauncher.Options toOptions() {
        if (!accel.equals("auto") && !accel.equals("kvm") && !accel.equals("tcg")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--accel: expected auto, kvm or tcg, got '" + accel + "'");
        }
        return new LabLauncher.Options(topology, accel, cache == null ? KernelCache.defaultCacheDir() : cache,
                results, Duration.ofSeconds(bootTimeout));
    }
}
