package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.slurm.SlurmClient;
import dev.uringlab.orchestrator.slurm.SlurmUnavailableException;
import dev.uringlab.orchestrator.slurm.Submission;
import dev.uringlab.orchestrator.slurm.TaskStatus;
import dev.uringlab.orchestrator.slurm.TaskStatuses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code uringlab status DIR}: each submitted task's Slurm state, its runs done, and why a failed one failed. */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "status", description = "Show the Slurm state and progress of every task submitted into DIR.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The results directory given to uringlab submit.")
    Path dir;

    @Mixin
    VerboseMixin verbose;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Map<Submission, List<TaskStatus>> all = load(dir, true, out);
        if (all.isEmpty()) {
            throw new dev.uringlab.orchestrator.config.ConfigException(dir + ": no Slurm submissions here (uringlab submit FILE --slurm --results " + dir + ")");
        }
        boolean failed = false;
        for (Map.Entry<Submission, List<TaskStatus>> e : all.entrySet()) {
            Submission s = e.getKey();
            out.printf("sub-%d  %s  job %s  %d runs planned  submitted %s%n", s.number(), s.mode(), s.jobId(),
                    s.plannedRuns(), s.submittedAt());
            print(e.getValue(), out);
            failed |= e.getValue().stream().anyMatch(TaskStatus::failed);
        }
        return failed ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    static Map<Submission, List<TaskStatus>> load(Path dir, boolean needSlurm, PrintStream out) throws Exception {
        try {
            return TaskStatuses.all(dir.toAbsolutePath().normalize(), new SlurmClient(), needSlurm, out);
        } catch (SlurmUnavailableException e) {
            throw new MissingToolException(e.getMessage());
        }
    }

    static void print(List<TaskStatus> tasks, PrintStream out) {
        out.printf("  %-16s %-12s %-10s %-7s %-6s %s%n", "task", "state", "host", "runs", "exit", "reason");
        for (TaskStatus t : tasks) {
            boolean resumedLater = t.resumed() && !t.state().equals("COMPLETED");
            out.printf("  %-16s %-12s %-10s %-7s %-6s %s%n", t.id(), t.state(), t.host(), t.done() + "/" + t.total(),
                    t.exitCode(), resumedLater ? "its runs finished since (resumed); was: " + t.reason() : t.reason());
            if (t.failed() && !t.logTail().isEmpty()) {
                out.println("    log " + t.log() + ": " + t.logTail());
            }
        }
    }
}
