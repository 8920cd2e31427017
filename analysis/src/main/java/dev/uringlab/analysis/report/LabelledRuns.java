package dev.uringlab.analysis.report;

import dev.uringlab.analysis.model.RunRecord;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The finished runs that carry one kind of warning label ("noisy host: ", "noisy disk: "), and
 * the worst of them by that label's column: what a noise finding tells the reader. The label,
 * not the column, decides: the threshold was the sweep's.
 */
record LabelledRuns(List<RunRecord> labelled, RunRecord worst, Double worstValue, long ok) {

    static boolean has(RunRecord run, String prefix) {
        return run.warnings().stream().anyMatch(w -> w.startsWith(prefix));
    }

    static Optional<LabelledRuns> of(List<RunRecord> runs, String prefix, String metric) {
        List<RunRecord> labelled = runs.stream().filter(RunRecord::ok).filter(r -> has(r, prefix)).toList();
        if (labelled.isEmpty()) {
            return Optional.empty();
        }
        RunRecord worst = labelled.stream().filter(r -> r.metrics().containsKey(metric))
                .max(Comparator.comparingDouble(r -> r.metrics().get(metric))).orElse(labelled.get(0));
        return Optional.of(new LabelledRuns(labelled, worst, worst.metrics().get(metric),
                runs.stream().filter(RunRecord::ok).count()));
    }
}
