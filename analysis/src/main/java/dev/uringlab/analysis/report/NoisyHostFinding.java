package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Numbers;

import java.util.List;
import java.util.Optional;

/**
 * Runs labelled noisy when they ran (the host_other_cpu_pct column: other processes' CPU time
 * during the run, in percent of one CPU, and a "noisy host:" warning above the sweep's threshold):
 * a caution naming how many and the worst, so a reader discounts their probe counts and timings.
 */
public final class NoisyHostFinding {

    public static final String METRIC = "host_other_cpu_pct";
    public static final String WARNING_PREFIX = "noisy host: ";

    private NoisyHostFinding() {
    }

    public static boolean noisy(RunRecord r) {
        return LabelledRuns.has(r, WARNING_PREFIX);
    }

    public static Optional<Finding> of(List<RunRecord> runs) {
        return LabelledRuns.of(runs, WARNING_PREFIX, METRIC).map(n -> {
            StringBuilder text = new StringBuilder().append(n.labelled().size()).append(" of ").append(n.ok())
                    .append(" runs ran on a noisy host: other processes used CPU time during them");
            if (n.worstValue() != null) {
                text.append(" (up to ").append(Numbers.format(n.worstValue())).append("% of a CPU, run ")
                        .append(n.worst().runId()).append(')');
            }
            text.append("; their system-wide probe counts include other processes' events and their timings competed"
                    + " with that work: rerun them on a quiet host (see the host_other_cpu_pct column and the warnings)");
            return new Finding(text.toString(), true);
        });
    }
}
