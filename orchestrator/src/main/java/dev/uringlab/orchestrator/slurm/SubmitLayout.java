package dev.uringlab.orchestrator.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a submission's files live under the results directory DIR:
 * <pre>
 * DIR/slurm/sub-N/     submission.json, the experiment file as submitted, task.sh, task-K.runs,
 *                      logs/ (Slurm's output per task), state/ (what each task wrote about itself)
 * DIR/hosts/HOST/      a plain `uringlab run --results` directory per node: EXPERIMENT/runs/…
 * DIR/collected/       EXPERIMENT/ merged over hosts by `uringlab collect`
 * </pre>
 */
public final class SubmitLayout {

    private SubmitLayout() {
    }

    public static Path slurmDir(Path dir) {
        return dir.resolve("slurm");
    }

    public static Path subDir(Path dir, int number) {
        return slurmDir(dir).resolve("sub-" + number);
    }

    public static Path hostsDir(Path dir) {
        return dir.resolve("hosts");
    }

    public static Path collectedDir(Path dir) {
        return dir.resolve("collected");
    }

    public static Path logsDir(Path subDir) {
        return subDir.resolve("logs");
    }

    public static Path stateDir(Path subDir) {
        return subDir.resolve("state");
    }

    /** The next unused submission number. */
    public static int nextNumber(Path dir) throws IOException {
        int n = 1;
        while (Files.exists(subDir(dir, n))) {
            n++;
        }
        return n;
    }

    /** The host directories (node names) that hold results. */
    public static List<String> hosts(Path dir) throws IOException {
        List<String> hosts = new ArrayList<>();
        if (!Files.isDirectory(hostsDir(dir))) {
            return hosts;
        }
        try (Stream<Path> entries = Files.list(hostsDir(dir))) {
            entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(hosts::add);
        }
        return hosts;
    }

    /** Run ids finished (status ok) on any host for this experiment: what a resubmission skips. */
    public static java.util.Set<String> finishedRuns(Path dir, String experiment) throws IOException {
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String host : hosts(dir)) {
            Path runs = hostsDir(dir).resolve(host).resolve(experiment).resolve("runs");
            if (!Files.isDirectory(runs)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(runs)) {
                for (Path run : entries.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                    Path json = run.resolve("run.json");
                    if (Files.isRegularFile(json) && okStatus(json)) {
                        done.add(run.getFileName().toString());
                    }
                }
            }
        }
        return done;
    }

    private static boolean okStatus(Path json) {
        try {
            return dev.uringlab.analysis.io.RunRecordJson.read(json).ok();
        } catch (IOException e) {
            return false;
        }
    }
}
