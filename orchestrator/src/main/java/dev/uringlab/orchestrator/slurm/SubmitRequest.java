package dev.uringlab.orchestrator.slurm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to submit.
 *
 * @param runIds      planned run ids per experiment, in plan order
 * @param runArgs     options every task passes on to `uringlab run` (--only, --set)
 * @param classpath   what the tasks' java runs uringlab from: the shaded uringlab.jar, or a build's class directories
 * @param nodes       replicate: how many nodes run the whole sweep; spread: how many tasks at once (null: no limit)
 * @param tasks       spread: how many array tasks share the runs
 * @param sbatchExtra any further sbatch options, passed through verbatim
 */
public record SubmitRequest(Path dir, String mode, Path experimentFile, Map<String, List<String>> runIds,
                            List<String> runArgs, List<Path> classpath, Integer nodes, String nodelist, String constraint,
                            String partition, String account, String time, int tasks, List<String> sbatchExtra,
                            boolean dryRun) {
}
