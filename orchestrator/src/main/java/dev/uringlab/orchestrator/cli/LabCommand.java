package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.lab.Topology;
import dev.uringlab.orchestrator.lab.TopologyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code uringlab lab}: an emulated host (QEMU, Debian's kernel, emulated NVMe, NUMA nodes)
 * that runs uringlab on a second, real kernel. Without a subcommand it lists the presets.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "lab", description = "Run uringlab inside an emulated host (QEMU guest with Debian's kernel, "
        + "emulated NVMe, NUMA nodes): counts are real, timings are not.",
        subcommands = {LabRunCommand.class, LabExecCommand.class, LabShellCommand.class})
final class LabCommand implements Callable<Integer> {

    @Mixin
    VerboseMixin verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("topology presets (uringlab lab run --topology NAME FILE):");
        for (String name : TopologyLoader.PRESETS) {
            Topology t = TopologyLoader.load(name);
            out.println("  " + t.describe());
        }
        out.println("commands: lab run, lab exec -- CMD..., lab shell (see uringlab lab COMMAND --help)");
        out.flush();
        return ExitCodes.OK;
    }
}
