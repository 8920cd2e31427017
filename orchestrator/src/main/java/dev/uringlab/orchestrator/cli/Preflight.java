package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;
import dev.uringlab.orchestrator.workload.FioWorkload;
import dev.uringlab.orchestrator.workload.RingbenchWorkload;
import dev.uringlab.orchestrator.workload.Workload;

import java.util.LinkedHashMap;
import java.util.Map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before the first change to the host, that every tool and privilege the plan needs is
 * here, naming what is missing and how to get it (exit code 3).
 */
record Preflight(Map<String, Workload> workloads, String bpftrace, String bpftraceVersion) {

    static Preflight check(Plan plan) throws MissingToolException {
        Map<String, Workload> workloads = new LinkedHashMap<>();
        for (ExperimentPlan e : plan.experiments()) {
            String kind = e.experiment().workload().kind();
            if (!workloads.containsKey(kind)) {
                workloads.put(kind, workload(kind));
            }
        }
        boolean probes = plan.experiments().stream().anyMatch(ExperimentPlan::hasAvailableProbes);
        if (!probes) {
            return new Preflight(workloads, null, "not used");
        }
        String bpftrace = Tools.which("bpftrace").orElseThrow(() -> new MissingToolException(
                "bpftrace not found on PATH but the experiments use probes: apt-get install bpftrace"));
        if (!isRoot()) {
            throw new MissingToolException("probes need root (bpftrace loads eBPF programs): run as root, e.g. sudo ./uringlab run");
        }
        if (!Files.exists(Path.of("/sys/kernel/tracing/events")) && !Files.exists(Path.of("/sys/kernel/debug/tracing/events"))) {
            throw new MissingToolException("tracefs is not mounted, so tracepoints cannot attach: "
                    + "mount -t tracefs tracefs /sys/kernel/tracing");
        }
        return new Preflight(workloads, bpftrace, Tools.version(bpftrace, "--version").orElse("unknown"));
    }

    private static Workload workload(String kind) throws MissingToolException {
        Workload workload = switch (kind) {
            case "fio" -> new FioWorkload(Tools.which("fio").orElseThrow(() -> new MissingToolException(
                    "fio not found on PATH: install it (apt-get install fio) or run 'make demo', which installs it")));
            case "ringbench" -> new RingbenchWorkload(RingbenchWorkload.locate());
            default -> throw new IllegalStateException("no workload for kind " + kind);
        };
        try {
            workload.preflight();
        } catch (ToolException e) {
            throw new MissingToolException(e.getMessage());
        }
        return workload;
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return Optional.ofNullable(System.getProperty("user.name")).map("root"::equals).orElse(false);
    }
}
