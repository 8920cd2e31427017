package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.probe.ProbeDefinition;
import dev.uringlab.orchestrator.probe.ProbeResolver;
import dev.uringlab.orchestrator.probe.ProbeScriptPrinter;
import dev.uringlab.orchestrator.probe.ResolvedProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code uringlab probes}: the catalog, which variant would run here, and why others cannot. */
@Command(name = "probes", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the probe catalog with the variant each probe gets on this host,",
        "or print one probe as a bpftrace script to run by hand (sudo bpftrace FILE)."})
final class ProbesCommand implements Callable<Integer> {

    @Mixin
    VerboseMixin verbose;

    @Spec
    CommandSpec spec;

    @Option(names = "--print", paramLabel = "ID", description = "Print probe ID as a standalone bpftrace script.")
    String print;

    @Option(names = "--variant", paramLabel = "V",
            description = "With --print: kprobe or tracepoint (default: the variant this host would run).")
    String variant;

    @Override
    public Integer call() {
        Lab lab = Lab.open();
        PrintWriter out = spec.commandLine().getOut();
        if (variant != null && print == null) {
            throw new ParameterException(spec.commandLine(), "--variant goes with --print ID");
        }
        if (print != null) {
            try {
                out.print(ProbeScriptPrinter.script(lab.catalog, lab.probeSupport, print, Optional.ofNullable(variant)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            out.flush();
            return ExitCodes.OK;
        }
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
