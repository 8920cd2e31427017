package dev.uringlab.orchestrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.uringlab.orchestrator.host.TopologyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code uringlab topology}: the CPUs, nodes, siblings, disks, queues and IRQs the knobs act on. Changes nothing. */
@Command(name = "topology", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show CPUs, NUMA nodes, SMT siblings, block devices with their hardware queues "
        + "and IRQs (and the CPUs those land on), NVMe module parameters and irqbalance; changes nothing.")
public final class TopologyCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON for scripts instead of the table.")
    boolean json;

    @Mixin
    VerboseMixin verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Lab lab = Lab.open();
        Map<String, Object> report = TopologyReport.read(lab.fs);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            out.print(TopologyReport.render(report));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
