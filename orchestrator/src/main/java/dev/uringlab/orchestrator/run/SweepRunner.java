package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.io.RunRecordJson;
import dev.uringlab.analysis.model.ExperimentManifest;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.plot.PlotSpecs;
import dev.uringlab.analysis.report.Report;
import dev.uringlab.analysis.report.ReportGenerator;
import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.Experiment;
import dev.uringlab.orchestrator.config.HostSpec;
import dev.uringlab.orchestrator.config.Sizes;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.knob.DropCachesKnob;
import dev.uringlab.orchestrator.host.knob.HostKnob;
import dev.uringlab.orchestrator.host.knob.HostSession;
import dev.uringlab.orchestrator.host.knob.KnobContext;
import dev.uringlab.orchestrator.host.knob.Restorer;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.HostKnobs;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.plan.RunIds;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.probe.ProbeBackend;
import dev.uringlab.orchestrator.probe.ResolvedProbe;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.workload.ScratchFile;
import dev.uringlab.orchestrator.workload.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a plan: per experiment a manifest, the target prepared, one probe program compiled
 * from all its probes, then every run in order (finished runs skipped), runs.csv rewritten
 * after each run so that whatever stops the sweep, every finished result is on disk.
 */
public final class SweepRunner {

    private final HostFs fs;
    private final Replanner replanner;
    private final Map<String, Workload> workloads;
    private final Map<String, ProbeBackend> probeBackends;
    private final Map<String, String> toolVersions;
    /** The experiment directory whose probes {@link #startProbesEarly} started and no experiment has taken over yet. */
    private Path earlyFor;
    private ProbeBackend earlyBackend;

    /**
     * @param workloads     one preflighted workload per kind the plan uses
     * @param probeBackends preflighted probe backends by name (bpftrace, bcc) for the experiments that use probes
     * @param toolVersions  tool → version line, for the manifest
     */
    public SweepRunner(HostFs fs, Replanner replanner, Map<String, Workload> workloads,
                       Map<String, ProbeBackend> probeBackends, Map<String, String> toolVersions) {
        this.fs = fs;
        this.replanner = replanner;
        this.workloads = Map.copyOf(workloads);
        this.probeBackends = Map.copyOf(probeBackends);
        this.toolVersions = Map.copyOf(toolVersions);
    }

    /** Plans an experiment again, against the host as the knobs left it. */
    public interface Replanner {
        ExperimentPlan replan(Experiment experiment) throws ConfigException, HostException;
    }

    /**
     * Starts the first experiment's shared probe process right after the host lock is taken, so
     * the probe tool compiles (bpftrace: about 0.25 s of one CPU) while the leftover scan, the
     * host session, the manifest and the target are prepared; {@link #run} takes it over. Not for
     * an experiment whose host knobs renumber the IRQs its program names (it starts after its
     * knobs, as before), nor with --probes-per-run. Whatever is not taken over is stopped by
     * {@link #stopEarlyProbes} or at the end of {@link #run}.
     */
    public synchronized void startProbesEarly(Plan plan, RunOptions options) {
        if (options.probesPerRun() || earlyFor != null) {
            return;
        }
        ExperimentPlan first = plan.experiments().stream()
                .filter(e -> e.runs().stream().anyMatch(r -> options.selected(r.runId()))).findFirst().orElse(null);
        if (first == null || first.experiment().host().changesIrqLayout()) {
            return;
        }
        ProbeBackend backend = probeBackends.get(first.experiment().backend());
        ResultStore store = new ResultStore(options.resultsRoot(), first.experiment().name());
        if (backend == null || !sharesOneProbeProcess(first, store, options)) {
            return;
        }
        backend.beginExperiment(store.experimentDir());
        backend.startEarly(first.probes(), first.topology().irqNumbers(), RunExecutor.ATTACH_TIMEOUT);
        earlyFor = store.experimentDir();
        earlyBackend = backend;
    }

    /** Stops what {@link #startProbesEarly} started if no experiment took it over (the sweep was refused or failed first). */
    public synchronized void stopEarlyProbes() {
        if (earlyBackend != null) {
            earlyBackend.endExperiment();
        }
        earlyFor = null;
        earlyBackend = null;
    }

    /** True, once, when {@code experimentDir}'s probes were started early on {@code backend}: the caller now owns them. */
    private synchronized boolean takeEarlyProbes(Path experimentDir, ProbeBackend backend) {
        if (earlyBackend == null || earlyBackend != backend || !experimentDir.equals(earlyFor)) {
            return false;
        }
        earlyFor = null;
        earlyBackend = null;
        return true;
    }

    public SweepSummary run(Plan plan, RunOptions options)
            throws IOException, ToolException, InterruptedException, HostException, ConfigException {
        try {
            return runAll(plan, options);
        } finally {
            stopEarlyProbes();
        }
    }

    private SweepSummary runAll(Plan plan, RunOptions options)
            throws IOException, ToolException, InterruptedException, HostException, ConfigException {
        Tally tally = new Tally();
        long t0 = System.nanoTime();
        Progress progress = new Progress(options.out(), (int) plan.experiments().stream()
                .flatMap(e -> e.runs().stream()).filter(r -> options.selected(r.runId())).count());
        for (ExperimentPlan planned : plan.experiments()) {
            if (planned.runs().stream().noneMatch(r -> options.selected(r.runId()))) {
                continue;
            }
            ResultStore store = new ResultStore(options.resultsRoot(), planned.experiment().name());
            store.cleanPartials();
            // The session restores every knob when the experiment ends, fails or is interrupted.
            PhaseTimes.Lap hostLap = PhaseTimes.lap();
            try (HostSession host = openHostSession(planned, store)) {
                ExperimentPlan experiment = planned;
                if (host != null) {
                    host.applyAll(planned.knobs());
                    ProbeCostSetup.enableStats(planned, host, options.out());
                    if (planned.experiment().host().changesIrqLayout()) {
                        experiment = replanner.replan(planned.experiment());
                        options.out().println("IRQ layout after host changes: " + experiment.topology().irqs());
                    }
                }
                hostLap.mark("experiment: host session + knobs");
                runExperiment(plan, experiment, store, host, options, progress, tally);
                hostLap = PhaseTimes.lap();
            }
            hostLap.mark("experiment: restore host");
        }
        return new SweepSummary(tally.ok, tally.failed, tally.skipped, (System.nanoTime() - t0) / 1e9,
                tally.workloadSeconds);
    }

    private static final class Tally {
        int ok;
        int failed;
        int skipped;
        double workloadSeconds;
    }

    private void runExperiment(Plan plan, ExperimentPlan experiment, ResultStore store, HostSession host,
                               RunOptions options, Progress progress, Tally tally)
            throws IOException, ToolException, InterruptedException, HostException {
        Workload workload = workloads.get(experiment.experiment().workload().kind());
        // Absent when no experiment of the sweep has probes on this backend (Preflight builds only those).
        ProbeBackend backend = probeBackends.get(experiment.experiment().backend());
        if (backend != null && !options.probesPerRun() && !takeEarlyProbes(store.experimentDir(), backend)) {
            backend.beginExperiment(store.experimentDir());
            // The probe tool compiles (about 0.3 s of one CPU) while the manifest and target are
            // prepared; the host's knobs are applied by now, as for a start at the first run.
            if (sharesOneProbeProcess(experiment, store, options)) {
                backend.startEarly(experiment.probes(), experiment.topology().irqNumbers(), RunExecutor.ATTACH_TIMEOUT);
            }
        }
        Thread stopping = null;
        try {
            runRuns(plan, experiment, store, host, options, progress, tally, workload, new RunExecutor(fs, workload, backend, options.noisyAbovePct()));
            // Detaching takes the kernel about 0.6 s (even for SIGKILL); the report does not need the
            // probes, so both proceed at once. Every run's counts were read from dumps already.
            stopping = backend == null ? null : stopInBackground(backend);
            try (PhaseTimes.Phase report = PhaseTimes.start("experiment: report + figures")) {
                renderReport(experiment, store, options);
            }
        } finally {
            if (backend != null) {
                try (PhaseTimes.Phase end = PhaseTimes.start("experiment: stop shared probe process (wait)")) {
                    if (stopping == null) {
                        backend.endExperiment();
                    } else {
                        awaitStopped(stopping, backend);
                    }
                }
            }
        }
    }

    /** True when the experiment's runs will count on one probe process started ahead of its first run. */
    private static boolean sharesOneProbeProcess(ExperimentPlan experiment, ResultStore store, RunOptions options) {
        return experiment.hasAvailableProbes() && !experiment.scopedToWorkload() && anyToRun(experiment, store, options);
    }

    /** True when some run of the experiment will execute (selected, and not finished already unless --force). */
    private static boolean anyToRun(ExperimentPlan experiment, ResultStore store, RunOptions options) {
        return experiment.runs().stream().anyMatch(r -> options.selected(r.runId())
                && (options.force() || !store.stored(r.runId()).map(RunRecord::ok).orElse(false)));
    }

    private static Thread stopInBackground(ProbeBackend backend) {
        Thread t = new Thread(backend::endExperiment, "uringlab-probe-stop");
        t.start();
        return t;
    }

    /** The host is restored only once the probes are gone; an interrupted wait stops them on this thread. */
    private static void awaitStopped(Thread stopping, ProbeBackend backend) throws InterruptedException {
        try {
            stopping.join();
        } catch (InterruptedException e) {
            backend.endExperiment();
            throw e;
        }
    }

    private void runRuns(Plan plan, ExperimentPlan experiment, ResultStore store, HostSession host, RunOptions options,
                         Progress progress, Tally tally, Workload workload, RunExecutor executor)
            throws IOException, ToolException, InterruptedException, HostException {
        PhaseTimes.Lap setup = PhaseTimes.lap();
        store.writeManifest(manifest(plan, experiment, workload));
        String targetPath = prepareTarget(experiment.experiment().target(), options);
        setup.mark("experiment: manifest + target");
        List<String> ids = experiment.runIds(); // decoded as read: 10^6 listed ids would hold ~100 MB
        double expectedPerRun = expectedSeconds(experiment);
        preflightSweptHost(experiment, host);
        boolean executedAny = false;
        for (RunSpec run : experiment.runs()) {
            if (!options.selected(run.runId())) {
                continue;
            }
            if (!options.force() && store.stored(run.runId()).map(RunRecord::ok).orElse(false)) {
                progress.skipped(run);
                tally.skipped++;
                continue;
            }
            PhaseTimes.Lap lap = PhaseTimes.lap();
            executedAny = true;
            progress.starting(run);
            Path partial = store.begin(run.runId());
            lap.mark("sweep: partial dir");
            HostSpec runHost = run.host();
            int mark = host == null ? 0 : host.mark();
            RunRecord record;
            try {
                // The run's own host settings, then the cache drop last, right before the workload as without them.
                if (host != null) {
                    for (HostKnob knob : HostKnobs.of(runHost, experiment.topology(), host.context())) {
                        host.apply(knob);
                    }
                }
                if (host != null && (experiment.experiment().host().dropCaches() || runHost.dropCaches())) {
                    host.apply(new DropCachesKnob(host.context()));
                }
                lap.mark("sweep: per-run host knobs");
                RunRecord executed = executor.execute(experiment, run, targetPath, partial);
                lap.mark("sweep: RunExecutor.execute (incl. workload)");
                record = store.commit(partial, executed);
                lap.mark("sweep: commit run.json + rename");
            } finally {
                if (host != null) {
                    Restorer.Report undone = host.restoreTo(mark);
                    if (!undone.ok()) {
                        // The experiment's close() tries again and names the journal if it still fails.
                        options.out().println("uringlab: could not restore after run " + run.runId() + ": "
                                + undone.failures().get(0) + " (retried when the experiment ends)");
                    }
                }
            }
            lap.mark("sweep: restore per-run knobs");
            store.updateRunsCsv(record.runId(), ids);
            lap.mark("sweep: runs.csv row");
            progress.finished(record, expectedPerRun);
            tally.workloadSeconds += record.workloadSeconds();
            if (record.ok()) {
                tally.ok++;
            } else {
                tally.failed++;
            }
        }
        if (!executedAny) {
            store.writeRunsCsv(ids); // every run was already stored: the file is rebuilt from them
        }
        options.out().println("results: " + store.experimentDir().resolve("runs.csv"));
    }

    /** Figures and report.html; a figure that cannot be drawn is reported, never loses the runs. */
    private static void renderReport(ExperimentPlan experiment, ResultStore store, RunOptions options) {
        PlotSpecs specs = PlotSpecs.of(experiment.experiment().plots(),
                List.copyOf(experiment.experiment().sweep().axes().keySet()));
        try {
            Report report = ReportGenerator.render(store.experimentDir(), specs);
            options.out().println("report:  " + report.html() + " (" + report.figures() + " figures)");
            report.problems().forEach(p -> options.out().println("  figure problem: " + p));
        } catch (IOException | RuntimeException e) {
            options.out().println("report:  not rendered: " + e.getMessage()
                    + " (the runs are complete; retry with: uringlab plot " + store.experimentDir() + ")");
        }
    }

    /** Every run's swept host knobs are checked before the first run, so a refusal costs no finished run. */
    private static void preflightSweptHost(ExperimentPlan experiment, HostSession host) throws HostException {
        if (host == null) {
            return;
        }
        Set<Map<String, Object>> seen = new HashSet<>();
        for (RunSpec run : experiment.runs()) {
            if (seen.add(run.hostSwept())) {
                host.preflight(HostKnobs.of(run.host(), experiment.topology(), host.context()));
            }
        }
    }

    /** A journaled session when the experiment or one of its runs changes the host; null when nothing does. */
    private HostSession openHostSession(ExperimentPlan experiment, ResultStore store) throws IOException {
        boolean runsChangeHost = experiment.runs().stream().anyMatch(r -> !r.hostSwept().isEmpty());
        if (experiment.knobs().isEmpty() && !experiment.experiment().host().dropCaches() && !runsChangeHost
                && !ProbeCostSetup.wanted(experiment)) {
            return null;
        }
        Files.createDirectories(store.experimentDir());
        return HostSession.open(KnobContext.forHost(fs), store.experimentDir(), System.err);
    }

    private String prepareTarget(TargetSpec target, RunOptions options) throws ToolException {
        if (target.kind() != TargetSpec.Kind.SCRATCH) {
            return target.path();
        }
        try {
            ScratchFile scratch = ScratchFile.ensure(Path.of(target.path()), target.sizeBytes());
            options.out().println((scratch.created() ? "created scratch file " : "reusing scratch file ")
                    + scratch.path() + " (" + Sizes.format(scratch.sizeBytes()) + ")");
            return scratch.path().toString();
        } catch (IOException e) {
            throw new ToolException(e.getMessage());
        }
    }

    private static double expectedSeconds(ExperimentPlan experiment) {
        Object runtime = experiment.experiment().workload().options().getOrDefault("runtime", 10L);
        Object ramp = experiment.experiment().workload().options().getOrDefault("ramp_time", 0L);
        return ((Long) runtime) + ((Long) ramp) + (experiment.hasAvailableProbes() ? 3.0 : 0.5);
    }

    private String manifest(Plan plan, ExperimentPlan experiment, Workload workload) {
        ExperimentManifest.Target target = new ExperimentManifest.Target(experiment.experiment().target().describe(),
                experiment.topology().disk(), HostInfo.diskModel(fs, experiment.topology().disk()), experiment.topology().irqs().stream().map(i -> new ExperimentManifest.Irq(
                        i.irq(), i.name(), HostInfo.cpus(i.effectiveCpus()))).toList(),
                HostInfo.cpus(experiment.topology().irqCpus()));
        Map<String, String> tools = new LinkedHashMap<>();
        // Preflight asked the tool already; asking again costs a process start.
        String kind = experiment.experiment().workload().kind();
        tools.put("workload", toolVersions.containsKey(kind) ? toolVersions.get(kind) : workload.version());
        tools.put("probe_backend", experiment.experiment().backend());
        tools.putAll(new TreeMap<>(toolVersions));
        Map<String, ExperimentManifest.Probe> probes = new LinkedHashMap<>();
        for (ResolvedProbe p : experiment.probes()) {
            probes.put(p.id(), new ExperimentManifest.Probe(p.available() ? p.variant() : null,
                    p.available() ? p.meaning() : null, p.available() ? null : p.unavailableReason(),
                    experiment.scopedToWorkload() && experiment.taskScopedProbes().contains(p.id())));
        }
        ExperimentManifest manifest = new ExperimentManifest(Version.get(), Instant.now().toString(),
                experiment.experiment().name(), experiment.experiment().description(), HostInfo.collect(fs), target, tools, OtherBpfPrograms.atSweepStart(),
                experiment.experiment().probeScope(), probes, experiment.runs().size(), plan.file().path().toString(),
                RunIds.hash(plan.file().text()), plan.file().text());
        try {
            return RunRecordJson.MAPPER.writeValueAsString(manifest) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
