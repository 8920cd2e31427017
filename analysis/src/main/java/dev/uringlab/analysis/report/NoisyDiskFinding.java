package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Numbers;

import java.util.List;
import java.util.Optional;

/**
 * Runs labelled noisy-disk when they ran (the host_other_disk_pct column: bytes the workload's
 * disk moved beyond the workload's own, in percent of the workload's, and a "noisy disk:"
 * warning above the sweep's threshold): a caution naming how many and the worst, so a reader
 * discounts their throughput and latency.
 */
public final class NoisyDiskFinding {

    public static final String METRIC = "host_other_disk_pct";
    public static final String DISK_MB = "host_disk_mb";
    public static final String WARNING_PREFIX = "noisy disk: ";

    private NoisyDiskFinding() {
    }

    public static boolean noisy(RunRecord r) {
        return LabelledRuns.has(r, WARNING_PREFIX);
    }

    public static Optional<Finding> of(List<RunRecord> runs) {
        return LabelledRuns.of(runs, WARNING_PREFIX, METRIC).map(n -> {
            StringBuilder text = new StringBuilder().append(n.labelled().size()).append(" of ").append(n.ok())
                    .append(" runs shared their disk with other I/O");
            if (n.worstValue() != null) {
                text.append(" (up to ").append(Numbers.format(n.worstValue()))
                        .append("% more bytes than the workload's own, run ").append(n.worst().runId()).append(')');
            }
            text.append("; their throughput and latency competed with that I/O: rerun them when the device is quiet"
                    + " (see the host_other_disk_pct and host_disk_mb columns and the warnings)");
            return new Finding(text.toString(), true);
        });
    }
}
