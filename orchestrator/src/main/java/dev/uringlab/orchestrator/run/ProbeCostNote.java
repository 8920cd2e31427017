package dev.uringlab.orchestrator.run;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.report.ProbeCostFinding;

import java.util.Locale;

/**
 * The progress line's probe-cost part:
 * "  probes 310 ns/IO, 6.9% of workload CPU, 0.4% of mean latency (costliest io_uring_enter ...)".
 */
final class ProbeCostNote {

    private ProbeCostNote() {
    }

    static String of(RunRecord record) {
        Double perIo = record.metrics().get(ProbeCostFinding.NS_PER_IO);
        Double share = record.metrics().get(ProbeCostFinding.SHARE_PCT);
        if (perIo == null && share == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("  probes");
        if (perIo != null) {
            s.append(String.format(Locale.ROOT, " %.0f ns/IO", perIo));
        }
        if (share != null) {
            s.append(String.format(Locale.ROOT, "%s %.1f%% of workload CPU", perIo != null ? "," : "", share));
        }
        Double latency = record.metrics().get(ProbeCostFinding.LATENCY_SHARE_PCT);
        if (latency != null) {
            s.append(String.format(Locale.ROOT, ", %.1f%% of mean latency", latency));
        }
        ProbeCostFinding.costliest(record).ifPresent(c -> s.append(" (costliest ").append(c).append(')'));
        return s.toString();
    }
}
