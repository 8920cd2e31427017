package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.DeviceIrq;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.probe.ResolvedProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code uringlab plan}: every run and every host change, without changing anything. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print every run of the sweep and what it would change on the host; changes nothing.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiments;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--json", description = "Print the plan as JSON (for scripts) instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Lab lab = Lab.open();
        Plan plan = experiments.plan(lab);
        if (json) {
            PlanJson.write(plan, spec.commandLine().getOut());
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().flush();
        } else {
            print(plan, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    static void print(Plan plan, PrintWriter out) {
        out.printf("%s: %d experiment(s), %d run(s)%n", plan.file().path(), plan.experiments().size(), plan.totalRuns());
        for (ExperimentPlan e : plan.experiments()) {
            out.println();
            out.printf("experiment %s: %d run(s), workload %s%n", e.experiment().name(), e.runs().size(),
                    e.experiment().workload().kind());
            if (!e.experiment().description().isBlank()) {
                out.println("  " + e.experiment().description().strip());
            }
            out.printf("  target: %s on %s%n", e.experiment().target().describe(), e.topology().disk());
            for (DeviceIrq irq : e.topology().irqs()) {
                out.printf("    IRQ %d %s -> CPU %s%n", irq.irq(), irq.name(), CpuList.format(irq.effectiveCpus()));
            }
            if (!e.probes().isEmpty()) {
                out.println("  probes:");
                for (ResolvedProbe p : e.probes()) {
                    out.printf("    %-28s %s%n", p.id(), p.available() ? p.variant() + ": " + p.meaning()
                            : "UNAVAILABLE: " + p.unavailableReason());
                }
            }
            PlanExpectations.print(e, plan.file().expectationsOf(e.experiment().name()), out);
            out.println("  host changes:");
            e.hostChanges().forEach(c -> out.println("    - " + c));
            out.println("  runs:");
            for (RunSpec r : e.runs()) {
                out.printf("    %3d  %-44s %-30s cpus=%s -> CPU %s%n", r.index(), r.runId(), r.label(), r.cpuSet(),
                        CpuList.format(r.cpus()));
            }
        }
        out.flush();
    }
}
