package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.lab.LabLauncher;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every {@code uringlab lab} subcommand shares. */
final class LabOptions {

    @Option(names = "--topology", paramLabel = "PRESET|FILE", defaultValue = "thesis-in-small",
            description = "A preset (thesis-in-small, one-queue, nvme-2node) or a topology YAML file "
                    + "(default: ${DEFAULT-VALUE}).")
    String topology;

    @Mixin
    GuestOptions guest;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Results directory, shared writable with the guest (default: ${DEFAULT-VALUE}).")
    Path results;

    LabLauncher.Options toOptions() {
        return guest.toOptions(topology, results);
    }
}
