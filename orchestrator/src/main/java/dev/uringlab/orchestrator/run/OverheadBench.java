package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.report.ProbeCostFinding;
import dev.uringlab.analysis.report.RunsCsvWriter;
import dev.uringlab.analysis.stats.BootstrapMedian;
import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.probe.ProbeBackend;
import dev.uringlab.orchestrator.probe.ProbeSession;
import dev.uringlab.orchestrator.probe.ResolvedProbe;
import dev.uringlab.orchestrator.probe.cost.ProbeCostMeter;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.workload.ScratchFile;
import dev.uringlab.orchestrator.workload.Workload;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The probes' cost seen from the workload: for every run of an experiment, interleaved pairs of
 * the same workload with its probes attached (A) and without (B), the order alternating from
 * pair to pair so that drift (page cache, thermal, a neighbour) falls on both sides; the median
 * A/B IOPS ratio with a bootstrap 95% interval, next to the BPF-stats cost of the A legs. The
 * probes attach before the workload starts and detach after it ends, as in a sweep run with
 * --probes-per-run, so attach time never falls inside a measured leg.
 */
public final class OverheadBench {

    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(90);

    /** One run's outcome. */
    public record Row(String label, String cpus, int pairs, double iopsWithout, double iopsWith, BootstrapMedian ratio,
                      double nsPerIo, double sharePct, String costliest) {
    }

    private OverheadBench() {
    }

    public static List<Row> measure(ExperimentPlan e, Workload workload, ProbeBackend backend, int pairs, Path dir,
                                    PrintStream out) throws ToolException, InterruptedException, IOException {
        List<ResolvedProbe> probes = e.probes().stream().filter(ResolvedProbe::available).toList();
        String target = target(e.experiment().target());
        List<Row> rows = new ArrayList<>();
        for (RunSpec run : e.runs()) {
            List<Double> ratios = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            List<Double> nsPerIo = new ArrayList<>();
            List<Double> share = new ArrayList<>();
            String costliest = "";
            for (int i = 0; i < pairs; i++) {
                boolean probedFirst = i % 2 == 0;
                Map<String, Double> a = null;
                Map<String, Double> b = null;
                for (int leg = 0; leg < 2; leg++) {
                    boolean probed = (leg == 0) == probedFirst;
                    Path legDir = Files.createDirectories(dir.resolve(run.runId()).resolve("pair-" + i + (probed ? "-probed" : "-bare")));
                    workload.prepare(run, target);
                    if (probed) {
                        a = probedLeg(workload, backend, probes, e, run, target, legDir);
                    } else {
                        b = workload.run(run, target, legDir).asMap();
                    }
                }
                double ia = a.getOrDefault(Metrics.IOPS, Double.NaN);
                double ib = b.getOrDefault(Metrics.IOPS, Double.NaN);
                ratios.add(ia / ib);
                with.add(ia);
                without.add(ib);
                if (a.containsKey(ProbeCostFinding.NS_PER_IO)) {
                    nsPerIo.add(a.get(ProbeCostFinding.NS_PER_IO));
                }
                if (a.containsKey(ProbeCostFinding.SHARE_PCT)) {
                    share.add(a.get(ProbeCostFinding.SHARE_PCT));
                }
                costliest = ProbeCostFinding.costliest(a).orElse("");
                out.printf(Locale.ROOT, "  %s pair %d (%s first): %.0f / %.0f IOPS = %.3f%n", run.label(), i + 1,
                        probedFirst ? "probed" : "bare", ia, ib, ia / ib);
            }
            rows.add(new Row(run.label(), dev.uringlab.orchestrator.host.CpuList.format(run.cpus()), pairs,
                    BootstrapMedian.of(without).median(), BootstrapMedian.of(with).median(), BootstrapMedian.of(ratios),
                    BootstrapMedian.of(nsPerIo).median(), BootstrapMedian.of(share).median(), costliest));
        }
        return rows;
    }

    private static Map<String, Double> probedLeg(Workload workload, ProbeBackend backend, List<ResolvedProbe> probes,
                                                 ExperimentPlan e, RunSpec run, String target, Path legDir)
            throws ToolException, InterruptedException {
        ProbeSession session = backend.start(probes, e.topology().irqNumbers(), legDir, ATTACH_TIMEOUT);
        try {
            ProbeCostMeter meter = ProbeCostMeter.start(session.pid(), probes);
            Metrics m = workload.run(run, target, legDir);
            meter.stop();
            session.stop();
            return ProbeCostMeter.addTo(meter, m.asMap());
        } finally {
            session.close();
        }
    }

    private static String target(TargetSpec target) throws ToolException {
        if (target.kind() != TargetSpec.Kind.SCRATCH) {
            return target.path();
        }
        try {
            return ScratchFile.ensure(Path.of(target.path()), target.sizeBytes()).path().toString();
        } catch (IOException ex) {
            throw new ToolException(ex.getMessage());
        }
    }

    public static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-28s %-5s %5s %11s %11s %22s %9s %7s  %s%n",
                "run", "cpus", "pairs", "IOPS bare", "IOPS probed", "ratio median [95% CI]", "probe ns/IO", "probe %CPU", "costliest probe"));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%-28s %-5s %5d %11.0f %11.0f %8.3f [%.3f, %.3f] %11.0f %10.1f  %s%n",
                    r.label(), r.cpus(), r.pairs(), r.iopsWithout(), r.iopsWith(), r.ratio().median(), r.ratio().low(),
                    r.ratio().high(), r.nsPerIo(), r.sharePct(), r.costliest()));
        }
        return s.toString();
    }

    public static void writeCsv(List<Row> rows, Path file) throws IOException {
        StringBuilder s = new StringBuilder("run,cpus,pairs,iops_bare,iops_probed,ratio_median,ratio_ci_low,ratio_ci_high,"
                + "probe_ns_per_io,probe_cpu_share_pct,costliest_probe\n");
        for (Row r : rows) {
            s.append(RunsCsvWriter.row(List.of(r.label(), r.cpus(),
                    Integer.toString(r.pairs()), RunsCsvWriter.number(r.iopsWithout()), RunsCsvWriter.number(r.iopsWith()),
                    RunsCsvWriter.number(r.ratio().median()), RunsCsvWriter.number(r.ratio().low()),
                    RunsCsvWriter.number(r.ratio().high()), RunsCsvWriter.number(r.nsPerIo()),
                    RunsCsvWriter.number(r.sharePct()), r.costliest())));
        }
        AtomicFiles.write(file, s.toString());
    }
}
