package dev.uringlab.orchestrator.slurm;

import dev.uringlab.analysis.io.AtomicFiles;
import dev.uringlab.analysis.io.RunRecordJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One {@code uringlab submit}, kept as DIR/slurm/sub-N/submission.json so that status and collect
 * know which Slurm job holds which runs long after Slurm itself forgot the job.
 *
 * @param mode      "replicate" (every host runs the whole sweep) or "spread" (each array task a share)
 * @param taskRuns  spread: the run ids of array task i at index i; replicate: empty (all runs)
 * @param hostArgs  the uringlab run options every task passes on (--only, --set)
 * @param sbatch    the sbatch command line as submitted
 */
public record Submission(int number, String mode, String jobId, String submittedAt, String experimentFile,
                         List<List<String>> taskRuns, List<String> hostArgs, List<String> sbatch, int plannedRuns) {

    public static final String REPLICATE = "replicate";
    public static final String SPREAD = "spread";
    public static final String FILE = "submission.json";

    public Submission {
        taskRuns = taskRuns.stream().map(List::copyOf).toList();
        hostArgs = List.copyOf(hostArgs);
        sbatch = List.copyOf(sbatch);
    }

    public Submission withJobId(String id) {
        return new Submission(number, mode, id, submittedAt, experimentFile, taskRuns, hostArgs, sbatch, plannedRuns);
    }

    public void write(Path subDir) throws IOException {
        AtomicFiles.write(subDir.resolve(FILE), RunRecordJson.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(this) + "\n");
    }

    public static Submission read(Path subDir) throws IOException {
        return RunRecordJson.MAPPER.readValue(subDir.resolve(FILE).toFile(), Submission.class);
    }

    /** Every submission under DIR/slurm, oldest first; only those whose sbatch succeeded (a job id). */
    public static List<Submission> all(Path resultsDir) throws IOException {
        Path slurm = SubmitLayout.slurmDir(resultsDir);
        List<Submission> all = new ArrayList<>();
        if (!Files.isDirectory(slurm)) {
            return all;
        }
        try (Stream<Path> subs = Files.list(slurm)) {
            for (Path sub : subs.filter(p -> Files.isRegularFile(p.resolve(FILE))).toList()) {
                Submission s = read(sub);
                if (s.jobId() != null && !s.jobId().isEmpty()) {
                    all.add(s);
                }
            }
        }
        all.sort(java.util.Comparator.comparingInt(Submission::number));
        return all;
    }
}
