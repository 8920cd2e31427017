package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.AbstractList;
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
        StringWriter out = new StringWriter();
        write(plan, out);
        return out.toString();
    }

    /** Streams the document: each run is computed as it is written, so 10^6 runs need no 10^6 objects. */
    static void write(Plan plan, Writer out) {
        List<Experiment> experiments = new ArrayList<>();
        for (ExperimentPlan e : plan.experiments()) {
            Map<String, String> probes = new LinkedHashMap<>();
            for (ResolvedProbe p : e.probes()) {
                probes.put(p.id(), p.available() ? p.variant() : "unavailable: " + p.unavailableReason());
            }
            List<Run> runs = new AbstractList<>() {
                @Override
                public Run get(int index) {
                    RunSpec r = e.runs().get(index);
                    return new Run(r.index(), r.runId(), r.repetition(), r.swept(), r.cpuSet(), CpuList.format(r.cpus()));
                }

                @Override
                public int size() {
                    return e.runs().size();
                }
            };
            experiments.add(new Experiment(e.experiment().name(), e.experiment().workload().kind(),
                    e.experiment().target().describe(), e.topology().disk(), CpuList.format(e.topology().irqCpus()),
                    probes, e.hostChanges(), runs));
        }
        try {
            RunRecordJson.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, new Document(plan.file().path().toString(), plan.totalRuns(), experiments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
