package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.orchestrator.plan.RunSpec;

import java.io.PrintStream;
import java.util.Locale;

/** One line per run: {@code [7/16] qd=16 cpus=non-irq (CPU 0) … 61.2k IOPS  ETA 1m40s}. */
final class Progress {

    private final PrintStream out;
    private final int total;
    private int done;
    private double measuredSeconds;
    private int measuredRuns;

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    void skipped(RunSpec run) {
        done++;
        out.printf("[%d/%d] %s  already done, skipped (--force reruns)%n", done, total, run.label());
    }

    void starting(RunSpec run) {
        out.printf("[%d/%d] %s (CPU %s) … ", done + 1, total, run.label(),
                HostInfo.cpus(run.cpus()));
        out.flush();
    }

    void finished(RunRecord record, double expectedSecondsPerRun) {
        done++;
        measuredSeconds += record.wallSeconds();
        measuredRuns++;
        String result = record.ok() ? headline(record) : "FAILED: " + record.error();
        double perRun = measuredRuns > 0 ? measuredSeconds / measuredRuns : expectedSecondsPerRun;
        int remaining = total - done;
        out.printf("%s%s%s%n", result, ProbeCostNote.of(record), remaining > 0 ? "  ETA " + duration(perRun * remaining) : "");
        record.warnings().forEach(w -> out.println("        warning: " + w));
    }

    /** IOPS when the workload has them, else a command's mean wall time per invocation, else the first metric. */
    static String headline(RunRecord record) {
        Double iops = record.metrics().get(Metrics.IOPS);
        if (iops != null) {
            return iops(iops) + " IOPS";
        }
        Double wall = record.metrics().get("wall_mean_us");
        if (wall != null) {
            return String.format(Locale.ROOT, "%.1f us per invocation (mean)", wall);
        }
        return record.metrics().entrySet().stream().findFirst()
                .map(e -> e.getKey() + "=" + e.getValue()).orElse("ok");
    }

    static String iops(double iops) {
        if (iops >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", iops / 1e6);
        }
        if (iops >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", iops / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", iops);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
