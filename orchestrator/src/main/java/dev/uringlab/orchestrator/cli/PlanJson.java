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

    private PlanJson() {
    }

    static String write(Plan plan) {
        List<Object> experiments = new ArrayList<>();
        for (ExperimentPlan e : plan.experiments()) {
            Map<String, Object> exp = new LinkedHashMap<>();
            exp.put("experiment", e.experiment().name());
            exp.put("workload", e.experiment().workload().kind());
            exp.put("target", e.experiment().target().describe());
            exp.put("disk", e.topology().disk());
            exp.put("irq_cpus", CpuList.format(e.topology().irqCpus()));
            Map<String, Object> probes = new LinkedHashMap<>();
            for (ResolvedProbe p : e.probes()) {
                probes.put(p.id(), p.available() ? p.variant() : "unavailable: " + p.unavailableReason());
            }
            exp.put("probes", probes);
            exp.put("host_changes", e.hostChanges());
            List<Object> runs = new ArrayList<>();
            for (RunSpec r : e.runs()) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("index", r.index());
                run.put("run_id", r.runId());
                run.put("repetition", r.repetition());
                run.put("swept", r.swept());
                run.put("cpu_set", r.cpuSet());
                run.put("cpus", CpuList.format(r.cpus()));
                runs.add(run);
            }
            exp.put("runs", runs);
            experiments.add(exp);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", plan.file().path().toString());
        root.put("total_runs", plan.totalRuns());
        root.put("experiments", experiments);
        try {
            return RunRecordJson.MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
