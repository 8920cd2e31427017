package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.slurm.SlurmClient;
import dev.uringlab.orchestrator.slurm.SlurmUnavailableException;
import dev.uringlab.orchestrator.slurm.Submission;
import dev.uringlab.orchestrator.slurm.SubmitRequest;
import dev.uringlab.orchestrator.slurm.Submitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code uringlab submit FILE --slurm}: the sweep as one Slurm job (replicate) or job array (spread). */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "submit", description = {
        "Run the sweep on a Slurm cluster, every task on an exclusive node running `uringlab run` into DIR/hosts/<node>/.",
        "replicate: the whole sweep on each node (--nodes, --nodelist, --constraint FEATURE);",
        "spread: the runs divided among --tasks array tasks by run id (submitting again resumes).",
        "Further sbatch options after --, e.g. uringlab submit exp.yaml --slurm -- --qos=long"})
final class SubmitCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiments;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--slurm", required = true, description = "Submit through Slurm's sbatch (the scheduler uringlab supports).")
    boolean slurm;

    @Option(names = "--mode", defaultValue = "replicate", paramLabel = "replicate|spread",
            description = "replicate (default): whole sweep per node; spread: runs divided among array tasks.")
    String mode;

    @Option(names = "--nodes", paramLabel = "N", description = "replicate: how many nodes; spread: at most N tasks at once.")
    Integer nodes;

    @Option(names = "--nodelist", paramLabel = "NODES", description = "Exactly these nodes (sbatch --nodelist).")
    String nodelist;

    @Option(names = "--constraint", paramLabel = "FEATURE", description = "Nodes with this Slurm feature, e.g. nvme or numa2.")
    String constraint;

    @Option(names = "--tasks", paramLabel = "K", description = "spread: array tasks sharing the runs (default: --nodes, else 1).")
    Integer tasks;

    @Option(names = {"-p", "--partition"}, paramLabel = "PARTITION")
    String partition;

    @Option(names = {"-A", "--account"}, paramLabel = "ACCOUNT")
    String account;

    @Option(names = {"-t", "--time"}, paramLabel = "LIMIT", description = "Time limit per task (sbatch --time).")
    String time;

    @Option(names = "--sbatch", paramLabel = "OPTION", description = "Any further sbatch option (repeatable).")
    List<String> sbatchOptions = new ArrayList<>();

    @Parameters(index = "1..*", paramLabel = "SBATCH_OPTION", description = "sbatch options after --.")
    List<String> sbatchTrailing = new ArrayList<>();

    @Option(names = "--jar", paramLabel = "JAR", description = "The uringlab.jar the tasks run (default: this one).")
    Path jar;

    @Option(names = "--dry-run", description = "Write the scripts and print the sbatch line, submit nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!m.equals(Submission.REPLICATE) && !m.equals(Submission.SPREAD)) {
            throw new ConfigException("--mode: '" + mode + "' is neither replicate nor spread");
        }
        Plan plan;
        try {
            plan = experiments.plan(Lab.open());
        } catch (HostException e) {
            throw new HostException("cannot plan " + experiments.file + " on this host to take the run ids: "
                    + e.getMessage() + " (submit from a node of the target type)");
        }
        Map<String, List<String>> runIds = new LinkedHashMap<>();
        for (ExperimentPlan e : plan.experiments()) {
            runIds.put(e.experiment().name(), e.runIds());
        }
        List<String> runArgs = new ArrayList<>();
        if (!experiments.only.isEmpty()) {
            runArgs.addAll(List.of("--only", String.join(",", experiments.only)));
        }
        experiments.overrides.forEach(o -> runArgs.addAll(List.of("--set", o)));
        List<String> extra = new ArrayList<>(sbatchOptions);
        extra.addAll(sbatchTrailing);
        Path dir = experiments.results.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        int k = tasks != null ? tasks : nodes != null ? nodes : 1;
        SubmitRequest request = new SubmitRequest(dir, m, experiments.file.toAbsolutePath(), runIds, runArgs,
                classpath(), nodes, nodelist, constraint, partition, account, time, k, extra, dryRun);
        Submission s;
        long t0 = System.nanoTime();
        try {
            s = new Submitter(new SlurmClient(), System.out).submit(request);
        } catch (SlurmUnavailableException e) {
            throw new MissingToolException(e.getMessage());
        } catch (Submitter.Refused e) {
            throw new ConfigException(e.getMessage());
        }
        if (s == null || dryRun) {
            return ExitCodes.OK;
        }
        System.out.printf(Locale.ROOT, "submitted job %s (%s, %s) in %.2f s; results go to %s/hosts/<node>/%n",
                s.jobId(), s.mode(), s.mode().equals(Submission.SPREAD) ? s.taskRuns().size() + " array tasks"
                        : "the whole sweep on every node", (System.nanoTime() - t0) / 1e9, dir);
        System.out.println("follow with: uringlab status " + dir + "   then: uringlab collect " + dir);
        return ExitCodes.OK;
    }

    /** The shaded jar this command runs from; run from a build's classes (tests, IDE), that classpath. */
    private List<Path> classpath() {
        if (jar != null) {
            return List.of(jar.toAbsolutePath().normalize());
        }
        try {
            Path self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (self.toString().endsWith(".jar")) {
                return List.of(self.toAbsolutePath().normalize());
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // fall back to the JVM's classpath below
        }
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> !p.isBlank()).map(p -> Path.of(p).toAbsolutePath().normalize()).toList();
    }
}
