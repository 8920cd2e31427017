package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code uringlab plan --json}: the same plan as the table, for scripts that drive sweeps. */
final class PlanJson {

    /** The whole document; field names become snake_case through {@code RunRecordJson.MAPPER}. */
    record Document(String file, int totalRuns, List<Experiment> experiments) {
    }

    /** @param probes probe id → the variant that runs here, or "unavailable: reason" */
    record Experiment(String experiment, String workload, String target, String disk, String irqCpus,
                      Map<String, String> probes, List<String> hostChanges, List<Run> runs) {
    }

    record Run(int index, String runId, int repetition, Map<String, Object> swept, String cpuSet, String cpus) {
    }

    private PlanJson() {
    }

    static String write(Plan plan) {
        List<Experiment> experiments = new ArrayList<>();
        for (ExperimentPlan e : plan.experiments()) {
            Map<String, String> probes = new LinkedHashMap<>();
            for (ResolvedProbe p : e.probes()) {
                probes.put(p.id(), p.available() ? p.variant() : "unavailable: " + p.unavailableReason());
            }
            List<Run> runs = new ArrayList<>();
            for (RunSpec r : e.runs()) {
                runs.add(new Run(r.index(), r.runId(), r.repetition(), r.swept(), r.cpuSet(), CpuList.format(r.cpus())));
            }
            experiments.add(new Experiment(e.experiment().name(), e.experiment().workload().kind(),
                    e.experiment().target().describe(), e.topology().disk(), CpuList.format(e.topology().irqCpus()),
                    probes, e.hostChanges(), runs));
        }
        try {
            return RunRecordJson.MAPPER.writeValueAsString(new Document(plan.file().path().toString(), plan.totalRuns(),
                    experiments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
