package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.model.RunHostState;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.WorkloadCgroup;
import dev.uringlab.orchestrator.probe.WorkloadScope;
import dev.uringlab.orchestrator.noise.DiskIoMeter;
import dev.uringlab.orchestrator.noise.HostCpuMeter;
import dev.uringlab.orchestrator.noise.NoisyDisk;
import dev.uringlab.orchestrator.noise.NoisyHost;
import dev.uringlab.orchestrator.probe.cost.ProbeCostMeter;
import dev.uringlab.orchestrator.probe.cost.SyscallTracepoints;
import dev.uringlab.orchestrator.host.HostSnapshot;
import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.probe.ProbeBackend;
import dev.uringlab.orchestrator.probe.ProbeSession;
import dev.uringlab.orchestrator.probe.ProbeStarter;
import dev.uringlab.orchestrator.probe.ResolvedProbe;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.workload.Workload;
import dev.uringlab.orchestrator.window.ProbeWindowRun;
import dev.uringlab.orchestrator.window.SetupProbes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run: snapshot interrupts, attach the probes, run the pinned workload, detach, snapshot
 * again. The probes are attached before the workload starts and detached right after it ends,
 * so their counts belong to this run only.
 */
final class RunExecutor {

    static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(90);

    private final HostFs fs;
    private final Workload workload;
    private final ProbeBackend probes;
    private final double noisyAbovePct;
    /** The probes as they really attach on this host, once a kprobe fell back; null until then. */
    private List<ResolvedProbe> effectiveProbes;
    private long lastProbePid = -1;

    RunExecutor(HostFs fs, Workload workload, ProbeBackend probes, double noisyAbovePct) {
        this.fs = fs;
        this.workload = workload;
        this.probes = probes;
        this.noisyAbovePct = noisyAbovePct;
    }

    /** Throws {@link InterruptedException} when the sweep is being stopped: such a run is never committed. */
    RunRecord execute(ExperimentPlan plan, RunSpec run, String targetPath, Path runDir)
            throws IOException, InterruptedException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        PhaseTimes.Lap lap = PhaseTimes.lap();
        snapshotInterrupts(runDir.resolve("interrupts.before"));
        HostSnapshot hostBefore = HostSnapshot.take(fs, plan.topology().disk());
        lap.mark("run: snapshots before");
        Metrics metrics = Metrics.empty();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        String error = null;
        double workloadSeconds = 0;
        ProbeSession session = null;
        WorkloadCgroup cgroup = null;
        ProbeCostMeter costMeter = null;
        HostCpuMeter hostCpu = null;
        DiskIoMeter disk = null;
        Map<String, List<Double>> samples = Map.of();
        List<String> probeWarnings = new ArrayList<>();
        ProbeWindowRun window = null;
        List<ResolvedProbe> attachedProbes = null;
        try {
            workload.prepare(run, targetPath);
            lap.mark("run: workload prepare + cgroup");
            if (plan.scopedToWorkload()) {
                cgroup = WorkloadCgroup.create(fs, run.runId());
            }
            if (probesOf(plan).stream().anyMatch(ResolvedProbe::available)) {
                WorkloadScope scope = cgroup == null ? null : new WorkloadScope(cgroup.id(), plan.taskScopedProbes());
                int ioJobs = workload.ioWindowJobs(run);
                ProbeStarter.Started attached = ProbeStarter.start(probes, probesOf(plan), plan.kprobeFallbacks(),
                        plan.topology().irqNumbers(), runDir, ATTACH_TIMEOUT, scope,
                        ProbeWindowRun.needsProcessWindow(ioJobs, availableIds(probesOf(plan))));
                session = attached.session();
                window = session == null ? null : ProbeWindowRun.start(session, runDir, ioJobs);
                costMeter = session == null ? null : ProbeCostMeter.start(session.pid(), attached.probes());
                if (costMeter != null && window.follow(costMeter::open, costMeter::close)) { // ns/IO over the counts' interval
                    costMeter.keepProcessWindow(SetupProbes.IDS); // as their counts do
                }
                effectiveProbes = attached.probes(); // later runs of the experiment start from the fallbacks
                attachedProbes = session == null ? null : attached.probes();
                probeWarnings.addAll(attached.warnings());
            }
            // A new probe process (the experiment's first run, or every run with --probes-per-run)
            // is compiled and attached here; a shared one only dumps its maps.
            long probePid = session == null ? -1 : session.pid();
            lap.mark(probePid != lastProbePid ? "run: probes compile+attach, opening dump" : "run: probes opening dump");
            lastProbePid = probePid;
            try (Backgrounds backgrounds = Backgrounds.start(plan.backgrounds(), run.target(), targetPath, runDir)) {
                lap.mark("run: backgrounds start");
                hostCpu = HostCpuMeter.start(fs, ours(session, backgrounds));
                disk = DiskIoMeter.start(fs, plan.topology().disk());
                if (window != null) {
                    window.follow(hostCpu::open, hostCpu::close);
                    window.follow(disk::open, disk::close);
                }
                long w0 = System.nanoTime();
                Path cgroupDir = cgroup == null ? null : cgroup.dir();
                ProbeWindowRun io = window;
                metrics = ChildProcess.inCgroup(cgroupDir, () -> io == null || io.socket() == null
                        ? workload.run(run, targetPath, runDir) : workload.run(run, targetPath, runDir, io.socket()));
                hostCpu.stop();
                disk.stop();
                workloadSeconds = (System.nanoTime() - w0) / 1e9;
                lap.mark("run: workload process");
                backgrounds.checkAlive("before the measured workload ended");
                // The window closes as the workload exits: parsing its samples and stopping the
                // backgrounds are nobody's events.
                if (session != null) {
                    if (costMeter != null) {
                        costMeter.stop();
                    }
                    counts.putAll(window.counts(availableIds(probesOf(plan))));
                    probeWarnings.addAll(window.warnings());
                    for (String id : availableIds(probesOf(plan))) {
                        counts.putIfAbsent(id, Map.of()); // attached but never fired: a real zero
                    }
                }
                lap.mark("run: probes closing dump");
                samples = workload.samples(runDir);
            }
            lap.mark("run: samples + backgrounds stop");
        } catch (ToolException | HostException e) {
            error = e.getMessage();
            if (window != null && window.failure() != null && !error.contains(window.failure().getMessage())) {
                error += "; probe window: " + window.failure().getMessage(); // why the barrier helper failed the job
            }
        } finally {
            if (window != null) {
                window.close(); // the barrier's socket goes, whatever happened to the workload
            }
            if (session != null) {
                session.close();
            }
            if (cgroup != null) {
                cgroup.close();
            }
        }
        lap.mark("run: probes close");
        if (ChildProcess.shutdownRequested() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("sweep stopped during run " + run.runId());
        }
        snapshotInterrupts(runDir.resolve("interrupts.after"));
        List<String> hostChanges = writeHostState(runDir, hostBefore, HostSnapshot.take(fs, plan.topology().disk()));
        lap.mark("run: snapshots after + host.json");
        // Kept, but flagged: the run did not run entirely under the state the plan claims.
        List<String> warnings = new ArrayList<>(probeWarnings);
        hostChanges.forEach(c -> warnings.add("host changed during the run: " + c));
        Map<String, Double> measured = error == null
                ? ProbeWindowRun.addTo(window, NoisyDisk.addTo(disk, NoisyHost.addTo(hostCpu,
                        SyscallTracepoints.addTo(attachedProbes, ProbeCostMeter.addTo(costMeter, metrics.asMap())))))
                : Map.of();
        NoisyHost.warning(measured, noisyAbovePct).ifPresent(warnings::add);
        NoisyDisk.warning(measured, noisyAbovePct).ifPresent(warnings::add);
        double wall = (System.nanoTime() - t0) / 1e9;
        return new RunRecord(run.experiment(), run.runId(), run.index(), run.repetition(),
                error == null ? RunRecord.OK : RunRecord.FAILED, error, run.params(), run.cpuSet(),
                CpuList.format(run.cpus()), run.target().describe(), variants(probesOf(plan)),
                measured, error == null ? counts : Map.of(),
                started.truncatedTo(ChronoUnit.MILLIS).toString(), wall, workloadSeconds, hostBefore.toMap(), warnings,
                error == null ? samples : Map.of());
    }

    /** The run's process trees besides the workload: the probe process and the declared background load. */
    private static List<Long> ours(ProbeSession session, Backgrounds backgrounds) {
        List<Long> pids = new ArrayList<>(backgrounds.pids());
        if (session != null) {
            pids.add(session.pid());
        }
        return pids;
    }

    private List<ResolvedProbe> probesOf(ExperimentPlan plan) {
        return effectiveProbes != null ? effectiveProbes : plan.probes();
    }

    static List<String> availableIds(List<ResolvedProbe> probes) {
        return probes.stream().filter(ResolvedProbe::available).map(ResolvedProbe::id).toList();
    }

    static Map<String, String> variants(List<ResolvedProbe> probes) {
        Map<String, String> variants = new LinkedHashMap<>();
        for (ResolvedProbe p : probes) {
            variants.put(p.id(), p.available() ? p.variant() : "unavailable: " + p.unavailableReason());
        }
        return variants;
    }

    /** host.json: the state the run ran under (IRQ map, queues, governor, ...) and what moved meanwhile. */
    private static List<String> writeHostState(Path runDir, HostSnapshot before, HostSnapshot after) throws IOException {
        List<String> changes = HostSnapshot.diff(before, after);
        RunHostState state = new RunHostState(before.toMap(), changes);
        AtomicFiles.write(runDir.resolve("host.json"), RunRecordJson.MAPPER.writeValueAsString(state) + "\n");
        return changes;
    }

    private void snapshotInterrupts(Path file) throws IOException {
        Files.writeString(file, fs.read("/proc/interrupts").orElse(""));
    }
}
