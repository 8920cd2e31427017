package dev.uringlab.orchestrator.slurm;

import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The tasks of one submission, from Slurm (scontrol show job) and from the tasks' own state files. */
public final class TaskStatuses {

    private static final int TAIL_LINES = 3;

    private TaskStatuses() {
    }

    /** @param slurmJobs what Slurm says about the job; empty when Slurm forgot it or was not asked */
    public static List<TaskStatus> of(Path dir, Submission s, Optional<List<SlurmJob>> slurmJobs) throws IOException {
        Path sub = SubmitLayout.subDir(dir, s.number());
        Set<String> finished = finishedRuns(dir);
        List<TaskStatus> tasks = new ArrayList<>();
        List<SlurmJob> jobs = slurmJobs.orElse(List.of());
        if (s.mode().equals(Submission.SPREAD)) {
            for (int i = 0; i < s.taskRuns().size(); i++) {
                final int task = i;
                Optional<SlurmJob> job = jobs.stream().filter(j -> j.covers(task)).findFirst();
                Map<String, String> state = readState(SubmitLayout.stateDir(sub).resolve(s.jobId() + "_" + i + ".state"));
                int done = (int) s.taskRuns().get(i).stream().filter(finished::contains).count();
                Path log = SubmitLayout.logsDir(sub).resolve(s.jobId() + "_" + i + ".out");
                tasks.add(status(s.jobId() + "_" + i, job, state, done, s.taskRuns().get(i).size(), log));
            }
            return tasks;
        }
        Optional<SlurmJob> job = jobs.stream().findFirst();
        List<Path> states = stateFiles(SubmitLayout.stateDir(sub), s.jobId() + "_");
        for (Path file : states) {
            Map<String, String> state = readState(file);
            String host = state.getOrDefault("host", "?");
            int done = finishedOn(dir, host);
            Path log = SubmitLayout.logsDir(sub).resolve(s.jobId() + "-" + host + ".out");
            tasks.add(status(s.jobId() + "_" + host, job, state, done, s.plannedRuns(), log));
        }
        if (states.isEmpty()) {
            // Not started yet, or failed before any task ran (the batch log says why).
            tasks.add(status(s.jobId(), job, Map.of(), 0, s.plannedRuns(), SubmitLayout.logsDir(sub).resolve(s.jobId() + ".out")));
        }
        return tasks;
    }

    private static TaskStatus status(String id, Optional<SlurmJob> job, Map<String, String> state, int done, int total,
                                     Path log) {
        String host = state.getOrDefault("host", job.map(SlurmJob::nodeList).orElse(""));
        String ownReason = state.getOrDefault("reason", "");
        String slurmState;
        String slurmReason = "";
        String exit = state.getOrDefault("exit", "");
        if (job.isPresent()) {
            slurmState = job.get().state();
            slurmReason = job.get().reason().equals("None") ? "" : job.get().reason();
            if (!job.get().exitCode().isEmpty() && job.get().finished()) {
                exit = job.get().exitCode();
            }
            // A replicate job is one Slurm job; each host's own end decides its row.
            if (state.containsKey("exit") && !job.get().finished()) {
                slurmState = state.get("exit").equals("0") ? "COMPLETED" : "FAILED";
            }
        } else if (state.containsKey("exit")) {
            slurmState = state.get("exit").equals("0") ? "COMPLETED"
                    : state.containsKey("signal") ? "CANCELLED" : "FAILED";
        } else if (state.containsKey("started")) {
            slurmState = "ENDED-UNRECORDED";
            ownReason = "started " + state.get("started") + " but left no end record and Slurm no longer knows the job"
                    + " (killed, or the node was lost)";
        } else {
            slurmState = "UNKNOWN";
            ownReason = "Slurm no longer knows the job and the task left no state file (did it start?)";
        }
        String reason = String.join("; ", List.of(slurmReason, ownReason).stream().filter(r -> !r.isEmpty()).toList());
        return new TaskStatus(id, host, slurmState, reason, exit, done, total, log, ChildProcess.tail(log, TAIL_LINES));
    }

    static Map<String, String> readState(Path file) throws IOException {
        Map<String, String> state = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return state;
        }
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                if (line.startsWith("task=")) {
                    state.clear(); // a requeued task starts its record anew
                }
                state.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return state;
    }

    private static List<Path> stateFiles(Path stateDir, String prefix) throws IOException {
        if (!Files.isDirectory(stateDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(stateDir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".state")).sorted().toList();
        }
    }

    /** Finished (ok) run ids over every host and experiment. */
    static Set<String> finishedRuns(Path dir) throws IOException {
        Set<String> done = new HashSet<>();
        for (String experiment : experiments(dir)) {
            done.addAll(SubmitLayout.finishedRuns(dir, experiment));
        }
        return done;
    }

    private static int finishedOn(Path dir, String host) throws IOException {
        int n = 0;
        Path hostDir = SubmitLayout.hostsDir(dir).resolve(host);
        for (String experiment : experiments(dir)) {
            Path runs = hostDir.resolve(experiment).resolve("runs");
            if (Files.isDirectory(runs)) {
                try (Stream<Path> entries = Files.list(runs)) {
                    n += (int) entries.filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> Files.isRegularFile(p.resolve("run.json"))).count();
                }
            }
        }
        return n;
    }

    /** Experiment names present under any host. */
    public static List<String> experiments(Path dir) throws IOException {
        Set<String> names = new java.util.TreeSet<>();
        for (String host : SubmitLayout.hosts(dir)) {
            try (Stream<Path> entries = Files.list(SubmitLayout.hostsDir(dir).resolve(host))) {
                entries.filter(p -> Files.isDirectory(p.resolve("runs"))).map(p -> p.getFileName().toString())
                        .forEach(names::add);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Every submission's tasks, Slurm asked once per job. With {@code needSlurm} a Slurm that is missing or
     * does not answer is an error; without, the tasks' state files stand in for it, with a note.
     */
    public static Map<Submission, List<TaskStatus>> all(Path dir, SlurmClient slurm, boolean needSlurm,
                                                        java.io.PrintStream out)
            throws IOException, InterruptedException, SlurmUnavailableException {
        Map<Submission, List<TaskStatus>> all = new LinkedHashMap<>();
        boolean slurmDown = slurm == null;
        for (Submission s : Submission.all(dir)) {
            Optional<List<SlurmJob>> jobs = Optional.empty();
            if (!slurmDown) {
                try {
                    jobs = slurm.job(s.jobId());
                } catch (ToolException e) {
                    if (needSlurm && e instanceof SlurmUnavailableException u) {
                        throw u;
                    }
                    slurmDown = true;
                    out.println("note: " + e.getMessage() + "; task states below come from the tasks' state files");
                }
            }
            all.put(s, of(dir, s, jobs));
        }
        return all;
    }
}
