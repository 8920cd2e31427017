package dev.uringlab.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.orchestrator.config.ExperimentLoader;
import dev.uringlab.orchestrator.host.Fixtures;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.plan.Planner;
import dev.uringlab.orchestrator.probe.HostProbeSupport;
import dev.uringlab.orchestrator.probe.ProbeCatalog;
import dev.uringlab.orchestrator.workload.WorkloadKinds;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlanJsonTest {

    @Test
    void planAsJsonListsEveryRunWithItsResolvedCpus() throws Exception {
        ProbeCatalog catalog = ProbeCatalog.builtin();
        var file = new ExperimentLoader(Set.copyOf(catalog.ids()), WorkloadKinds.BUILT_IN).parse(Path.of("experiments.yaml"), """
                experiments:
                  - name: e
                    workload: {kind: fio}
                    sweep: {iodepth: [1, 16], cpus: [irq, non-irq]}
                    probes: [irq_per_cpu]
                """, List.of(), List.of());
        Plan plan = new Planner(Fixtures.VM, catalog, HostProbeSupport.detect(Fixtures.VM)).plan(file);
        JsonNode json = RunRecordJson.MAPPER.readTree(PlanJson.write(plan));
        assertEquals(4, json.path("total_runs").asInt());
        JsonNode exp = json.path("experiments").get(0);
        assertEquals("vda", exp.path("disk").asText());
        assertEquals("1", exp.path("irq_cpus").asText());
        JsonNode second = exp.path("runs").get(1);
        assertEquals("non-irq", second.path("cpu_set").asText());
        assertEquals("0", second.path("cpus").asText());
        assertEquals(1, second.path("swept").path("iodepth").asInt());
        assertEquals(true, exp.path("probes").path("irq_per_cpu").asText().startsWith("unavailable: "),
                "the recorded VM tree has no tracefs mounted");
        // Sealed: the golden was written before the plan JSON had a type; scripts read these fields.
        String golden = new String(PlanJsonTest.class.getResourceAsStream("/golden/plan.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(golden, PlanJson.write(plan) + "\n");
    }
}
