package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.host.knob.Privileges;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.probe.ProbeBackend;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;
import dev.uringlab.orchestrator.workload.Workload;
import dev.uringlab.orchestrator.workload.WorkloadKinds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Checks, before the first change to the host, that every tool and privilege the plan needs is
 * here, naming what is missing and how to get it (exit code 3).
 */
record Preflight(Map<String, Workload> workloads, Map<String, ProbeBackend> probeBackends,
                 Map<String, String> toolVersions) {

    static Preflight check(Plan plan) throws MissingToolException {
        Map<String, Workload> workloads = new LinkedHashMap<>();
        Map<String, ProbeBackend> backends = new LinkedHashMap<>();
        // Each version is a tool started and waited for (fio, bpftrace: 20-60 ms each): all at once.
        Map<String, CompletableFuture<String>> versions = new LinkedHashMap<>();
        for (ExperimentPlan e : plan.experiments()) {
            String kind = e.experiment().workload().kind();
            if (!workloads.containsKey(kind)) {
                Workload workload = workload(kind);
                workloads.put(kind, workload);
                versions.put(kind, CompletableFuture.supplyAsync(workload::version, Preflight::ownThread));
            }
            String backend = e.experiment().backend();
            if (e.hasAvailableProbes() && !backends.containsKey(backend)) {
                backends.put(backend, probeBackend(backend, versions));
            }
        }
        if (!backends.isEmpty()) {
            if (!Privileges.isRoot()) {
                throw new MissingToolException("probes need root (they load eBPF programs): run as root, e.g. sudo ./uringlab run");
            }
            if (!Files.exists(Path.of("/sys/kernel/tracing/events")) && !Files.exists(Path.of("/sys/kernel/debug/tracing/events"))) {
                throw new MissingToolException("tracefs is not mounted, so tracepoints cannot attach: "
                        + "mount -t tracefs tracefs /sys/kernel/tracing");
            }
        }
        Map<String, String> known = new LinkedHashMap<>();
        versions.forEach((tool, version) -> known.put(tool, joined(version)));
        return new Preflight(workloads, backends, known);
    }

    private static String joined(CompletableFuture<String> version) {
        try {
            return version.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** A thread per version: the common pool has one worker on a 2-CPU host and would run them one by one. */
    private static void ownThread(Runnable r) {
        Thread t = new Thread(r, "uringlab-version");
        t.setDaemon(true);
        t.start();
    }

    private static ProbeBackend probeBackend(String name, Map<String, CompletableFuture<String>> versions)
            throws MissingToolException {
        String bpftrace = Tools.which("bpftrace").orElse("bpftrace");
        ProbeBackend backend = ProbeBackend.named(name, bpftrace);
        var problem = backend.preflight();
        if (problem.isPresent()) {
            throw new MissingToolException(problem.get());
        }
        versions.put(name, name.equals(ProbeBackend.BPFTRACE)
                ? CompletableFuture.supplyAsync(() -> Tools.version(bpftrace, "--version").orElse("unknown"), Preflight::ownThread)
                : CompletableFuture.completedFuture("bcc via /usr/bin/python3 (python3-bpfcc)"));
        return backend;
    }

    private static Workload workload(String kind) throws MissingToolException {
        try {
            Workload workload = WorkloadKinds.BUILT_IN.get(kind).create();
            workload.preflight();
            return workload;
        } catch (ToolException e) {
            throw new MissingToolException(e.getMessage());
        }
    }
}
