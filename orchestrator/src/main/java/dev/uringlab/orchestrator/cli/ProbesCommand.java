package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.probe.ProbeDefinition;
import dev.uringlab.orchestrator.probe.ProbeResolver;
import dev.uringlab.orchestrator.probe.ResolvedProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code uringlab probes}: the catalog, which variant would run here, and why others cannot. */
@Command(name = "probes", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the probe catalog with the variant each probe gets on this host.")
final class ProbesCommand implements Callable<Integer> {

    @Mixin
    VerboseMixin verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Lab lab = Lab.open();
        PrintWriter out = spec.commandLine().getOut();
        int available = 0;
        for (ProbeDefinition probe : lab.catalog.all()) {
            ResolvedProbe resolved = ProbeResolver.resolve(probe, lab.probeSupport, Optional.empty());
            if (resolved.available()) {
                available++;
            }
            out.printf("%-28s %-12s %s%n", probe.id(),
                    resolved.available() ? resolved.variant() : "unavailable",
                    resolved.available() ? probe.counts() : resolved.unavailableReason());
        }
        out.printf("%n%d of %d probes available on this host%n", available, lab.catalog.all().size());
        out.flush();
        return ExitCodes.OK;
    }
}
