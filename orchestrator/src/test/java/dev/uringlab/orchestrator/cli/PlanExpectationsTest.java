package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ExperimentFile;
import dev.uringlab.orchestrator.config.ExperimentLoader;
import dev.uringlab.orchestrator.host.Fixtures;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.plan.Planner;
import dev.uringlab.orchestrator.probe.HostProbeSupport;
import dev.uringlab.orchestrator.probe.ProbeCatalog;
import dev.uringlab.orchestrator.workload.WorkloadKinds;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** plan names each claim and, before anything runs, the ones this host cannot measure and why. */
class PlanExpectationsTest {

    @Test
    void aClaimOnAnUnavailableProbeIsNotMeasurableAndOneOnIopsIs() throws Exception {
        ProbeCatalog catalog = ProbeCatalog.builtin();
        ExperimentFile file = new ExperimentLoader(Set.copyOf(catalog.ids()), WorkloadKinds.BUILT_IN).parse(Path.of("c.yaml"), """
                experiments:
                  - name: e
                    workload: {kind: ringbench, runtime: 1}
                    sweep: {coop_taskrun: [false, true], cpus: [irq, non-irq]}
                    repetitions: 3
                    probes: [ipi_by_callsite]
                    expect:
                      - {claim: fewer kicks, source: s, where: {cpus: non-irq}, compare: {coop_taskrun: [false, true]},
                         metric: ipi_by_callsite_per_io, effect: lower}
                      - {claim: same iops, source: s, where: {cpus: irq}, compare: {coop_taskrun: [false, true]},
                         metric: iops, effect: "within ±5%"}
                """, List.of(), List.of());
        // The recorded VM tree has no tracefs: every probe resolves unavailable there.
        Plan plan = new Planner(Fixtures.VM, catalog, HostProbeSupport.detect(Fixtures.VM)).plan(file);
        StringWriter text = new StringWriter();
        PlanCommand.print(plan, new PrintWriter(text));
        String out = text.toString();
        assertTrue(out.contains("    - fewer kicks (s): ipi_by_callsite_per_io lower, coop_taskrun=true vs false at cpus=non-irq\n"
                + "      NOT MEASURABLE HERE: probe ipi_by_callsite unavailable: "), out);
        assertTrue(out.contains("    - same iops (s): iops within ±5%, coop_taskrun=true vs false at cpus=irq\n"), out);
        assertFalse(out.contains("same iops (s): iops within ±5%, coop_taskrun=true vs false at cpus=irq\n      NOT"), out);
    }
}
