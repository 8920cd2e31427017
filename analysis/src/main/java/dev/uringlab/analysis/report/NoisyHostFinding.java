package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.stats.Numbers;

import java.util.Comparator;
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
        return r.warnings().stream().anyMatch(w -> w.startsWith(WARNING_PREFIX));
    }

    public static Optional<Finding> of(List<RunRecord> runs) {
        List<RunRecord> noisy = runs.stream().filter(RunRecord::ok).filter(NoisyHostFinding::noisy).toList();
        if (noisy.isEmpty()) {
            return Optional.empty();
        }
        RunRecord worst = noisy.stream().filter(r -> r.metrics().containsKey(METRIC))
                .max(Comparator.comparingDouble(r -> r.metrics().get(METRIC))).orElse(noisy.get(0));
        long ok = runs.stream().filter(RunRecord::ok).count();
        StringBuilder text = new StringBuilder().append(noisy.size()).append(" of ").append(ok)
                .append(" runs ran on a noisy host: other processes used CPU time during them");
        Double pct = worst.metrics().get(METRIC);
        if (pct != null) {
            text.append(" (up to ").append(Numbers.format(pct)).append("% of a CPU, run ").append(worst.runId()).append(')');
        }
        text.append("; their system-wide probe counts include other processes' events and their timings competed"
                + " with that work: rerun them on a quiet host (see the host_other_cpu_pct column and the warnings)");
        return Optional.of(new Finding(text.toString(), true));
    }
}
