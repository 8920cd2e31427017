package dev.uringlab.orchestrator.slurm;

import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One short Slurm client call (sbatch, squeue, scontrol, sinfo, scancel) with a timeout: output
 * goes to temporary files (a pipe could fill and stall the call), a controller that does not
 * answer becomes one line saying so, never a hang.
 */
public final class SlurmTool {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What the call printed and how it ended. */
    public record Result(int exit, String stdout, String stderr) {
        public String firstErrorLine() {
            return stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .orElse(stdout.lines().findFirst().orElse("exit " + exit));
        }
    }

    private final Duration timeout;

    public SlurmTool() {
        this(TIMEOUT);
    }

    public SlurmTool(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs {@code tool args}; a missing binary, a timeout or an unreachable controller is a {@link SlurmUnavailableException}. */
    public Result call(String tool, List<String> args) throws ToolException, InterruptedException {
        String binary = Tools.which(tool).orElseThrow(() -> new SlurmUnavailableException(
                "Slurm not found: no " + tool + " on PATH (install slurm-client, or run on the cluster's login node;"
                        + " for a local test cluster: scripts/slurm-local.sh start)"));
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.addAll(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("uringlab-" + tool, ".out");
            err = Files.createTempFile("uringlab-" + tool, ".err");
            Result result;
            try (ChildProcess child = ChildProcess.start(tool, argv, out, err, null)) {
                OptionalInt exit = child.waitFor(timeout);
                if (exit.isEmpty()) {
                    throw new SlurmUnavailableException("Slurm does not answer: " + tool + " took more than "
                            + timeout.toSeconds() + " s (is slurmctld running? try: scontrol ping)");
                }
                result = new Result(exit.getAsInt(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            }
            if (result.exit() != 0 && unreachable(result.stderr())) {
                throw new SlurmUnavailableException("Slurm does not answer: " + tool + ": " + result.firstErrorLine()
                        + " (is slurmctld running? try: scontrol ping)");
            }
            return result;
        } catch (IOException e) {
            throw new SlurmUnavailableException("cannot run " + binary + ": " + e.getMessage());
        } finally {
            for (Path p : new Path[] {out, err}) {
                try {
                    if (p != null) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // a temp file left in /tmp is harmless
                }
            }
        }
    }

    /** Like {@link #call}, but a non-zero exit is a {@link ToolException} carrying Slurm's own first line. */
    public String checked(String tool, List<String> args) throws ToolException, InterruptedException {
        Result r = call(tool, args);
        if (r.exit() != 0) {
            throw new ToolException(tool + ": " + r.firstErrorLine());
        }
        return r.stdout();
    }

    static boolean unreachable(String stderr) {
        String s = stderr.toLowerCase(java.util.Locale.ROOT);
        return s.contains("unable to contact slurm controller") || s.contains("connection refused")
                || s.contains("could not establish a configuration source") || s.contains("munge")
                || s.contains("zero bytes were transmitted or received") || s.contains("slurm.conf");
    }
}
