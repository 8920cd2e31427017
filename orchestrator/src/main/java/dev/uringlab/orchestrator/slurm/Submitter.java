package dev.uringlab.orchestrator.slurm;

import dev.uringlab.orchestrator.process.ToolException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a planned sweep into one sbatch call: checks that Slurm answers, that no earlier
 * submission into the same directory is still queued, that the nodes can reach the results and the
 * build, writes DIR/slurm/sub-N/ and submits. Every task asks for a whole node (--exclusive):
 * two experiments on one host measure each other.
 */
public final class Submitter {

    private final SlurmClient slurm;
    private final PrintStream out;

    public Submitter(SlurmClient slurm, PrintStream out) {
        this.slurm = slurm;
        this.out = out;
    }

    /** A submission that cannot be made as asked: one line, exit 2. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    public Submission submit(SubmitRequest req) throws ToolException, InterruptedException, IOException, Refused {
        List<SlurmClient.Node> nodes = slurm.nodes(req.partition());
        if (nodes.isEmpty()) {
            throw new Refused("Slurm lists no nodes" + (req.partition() == null ? "" : " in partition " + req.partition())
                    + " (sinfo -N)");
        }
        refuseWhileActive(req.dir());
        List<String> targets = targets(nodes, req);
        if (targets.isEmpty() && req.constraint() != null && req.constraint().matches("[A-Za-z0-9_.-]+")) {
            throw new Refused("no node" + (req.partition() == null ? "" : " in partition " + req.partition())
                    + " has the feature '" + req.constraint() + "' (features: " + String.join(", ", nodes.stream()
                    .flatMap(n -> n.features().stream()).distinct().toList()) + "; a node gets one with Feature= in slurm.conf)");
        }
        checkShared(req, targets);
        if (!targets.contains(SlurmClient.shortHostname())) {
            out.println("planned here (" + SlurmClient.shortHostname() + "), not on a target node: the run ids hold, but"
                    + " each node resolves CPU sets and probe variants against its own topology when its task starts");
        }

        int number = SubmitLayout.nextNumber(req.dir());
        Path sub = SubmitLayout.subDir(req.dir(), number);
        List<List<String>> shares = List.of();
        int planned = req.runIds().values().stream().mapToInt(List::size).sum();
        if (req.mode().equals(Submission.SPREAD)) {
            Set<String> finished = new HashSet<>();
            for (String experiment : req.runIds().keySet()) {
                finished.addAll(SubmitLayout.finishedRuns(req.dir(), experiment));
            }
            List<String> all = req.runIds().values().stream().flatMap(List::stream).toList();
            shares = TaskSplit.split(all, finished, req.tasks());
            long done = all.stream().distinct().filter(finished::contains).count();
            if (shares.isEmpty()) {
                out.println("all " + planned + " runs are already finished in " + req.dir() + ": nothing to submit"
                        + " (uringlab collect " + req.dir() + ")");
                return null;
            }
            out.println(planned + " runs planned, " + done + " already finished, " + (planned - done)
                    + " to do in " + shares.size() + " array tasks");
        }
        Files.createDirectories(SubmitLayout.logsDir(sub));
        Files.createDirectories(SubmitLayout.stateDir(sub));
        Path file = sub.resolve(req.experimentFile().getFileName());
        Files.copy(req.experimentFile(), file, StandardCopyOption.REPLACE_EXISTING);
        for (int i = 0; i < shares.size(); i++) {
            Files.writeString(sub.resolve("task-" + i + ".runs"), String.join("\n", shares.get(i)) + "\n");
        }
        executable(sub.resolve("task.sh"), TaskScript.task(req.dir(), sub, req.classpath(), file, req.runArgs()));
        List<String> sbatch = sbatchArgs(req, sub, shares.size());
        if (req.mode().equals(Submission.REPLICATE)) {
            executable(sub.resolve("replicate.sh"), TaskScript.replicate(sub));
            sbatch.add(sub.resolve("replicate.sh").toString());
        } else {
            sbatch.add(sub.resolve("task.sh").toString());
        }
        Submission submission = new Submission(number, req.mode(), "", Instant.now().toString(), file.toString(),
                shares, req.runArgs(), sbatch, planned);
        submission.write(sub);
        out.println("sbatch " + String.join(" ", sbatch));
        if (req.dryRun()) {
            out.println("dry run: not submitted (" + sub + " holds the scripts)");
            return submission;
        }
        String jobId;
        try {
            jobId = slurm.sbatch(sbatch);
        } catch (SlurmUnavailableException e) {
            throw e;
        } catch (ToolException e) {
            throw new Refused("Slurm refused the job: " + e.getMessage() + " (the sbatch line above; scripts in " + sub + ")");
        }
        submission = submission.withJobId(jobId);
        submission.write(sub);
        return submission;
    }

    private static List<String> sbatchArgs(SubmitRequest req, Path sub, int arrayTasks) {
        List<String> a = new ArrayList<>(List.of("--parsable", "--exclusive", "--job-name=uringlab-"
                + stem(req.experimentFile()), "--chdir=" + req.dir()));
        if (req.mode().equals(Submission.SPREAD)) {
            a.add("--nodes=1");
            a.add("--array=0-" + (arrayTasks - 1) + (req.nodes() == null ? "" : "%" + req.nodes()));
            a.add("--output=" + SubmitLayout.logsDir(sub).resolve("%A_%a.out"));
        } else {
            if (req.nodes() != null) {
                a.add("--nodes=" + req.nodes());
            }
            a.add("--ntasks-per-node=1");
            a.add("--output=" + SubmitLayout.logsDir(sub).resolve("%j.out"));
        }
        if (req.nodelist() != null) {
            a.add("--nodelist=" + req.nodelist());
        }
        if (req.constraint() != null) {
            a.add("--constraint=" + req.constraint());
        }
        if (req.partition() != null) {
            a.add("--partition=" + req.partition());
        }
        if (req.account() != null) {
            a.add("--account=" + req.account());
        }
        if (req.time() != null) {
            a.add("--time=" + req.time());
        }
        a.addAll(req.sbatchExtra());
        return a;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.replaceAll("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9._-]", "");
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A second submission while the first still runs would run the same runs twice on two hosts. */
    private void refuseWhileActive(Path dir) throws IOException, ToolException, InterruptedException, Refused {
        for (Submission s : Submission.all(dir)) {
            if (slurm.active(s.jobId())) {
                throw new Refused("job " + s.jobId() + " (" + SubmitLayout.subDir(dir, s.number())
                        + ") is still queued or running in " + dir + ": wait for it (uringlab status " + dir
                        + ") or scancel " + s.jobId() + ", then submit again to resume");
            }
        }
    }

    /** The nodes the job may land on: the listed ones, those with the feature, else the partition's. */
    private static List<String> targets(List<SlurmClient.Node> nodes, SubmitRequest req) {
        List<String> names = new ArrayList<>();
        for (SlurmClient.Node n : nodes) {
            boolean listed = req.nodelist() == null || List.of(req.nodelist().split(",")).contains(n.name());
            boolean featured = req.constraint() == null || !req.constraint().matches("[A-Za-z0-9_.-]+")
                    || n.features().contains(req.constraint());
            if (listed && featured) {
                names.add(n.name());
            }
        }
        return names;
    }

    private void checkShared(SubmitRequest req, List<String> targets) throws IOException, Refused {
        String here = SlurmClient.shortHostname();
        boolean onlyHere = !targets.isEmpty() && targets.stream().allMatch(here::equals);
        List<Path> paths = new ArrayList<>(List.of(req.dir()));
        paths.addAll(req.classpath());
        Set<String> said = new HashSet<>();
        for (Path p : paths) {
            SharedFs.Verdict v = SharedFs.of(p);
            String what = p.equals(req.dir()) ? "results " + p : "build " + p;
            if (!said.add(v.type() + v.shared() + p.equals(req.dir()))) {
                continue; // one line per file system type is enough for a classpath of many jars
            }
            if (v.shared()) {
                out.println(what + ": on " + v.type() + (v.known() ? " (shared)" : " (assumed shared)"));
            } else if (onlyHere) {
                out.println(what + ": on " + v.type() + ", a local file system; fine, the only target node is this host ("
                        + here + ")");
            } else {
                throw new Refused(p + " is on " + v.type() + ", a local file system, but the tasks may run on "
                        + (targets.isEmpty() ? "other nodes" : String.join(",", targets)) + ": put the results directory"
                        + " and the uringlab build on a file system every node mounts (NFS, Lustre, BeeGFS, …);"
                        + " sbcast cannot help here since the results must come back");
            }
        }
    }
}
