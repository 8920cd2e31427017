package dev.uringlab.orchestrator.process;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A short, synchronous tool call with a timeout (modprobe, systemctl, sync, version checks), run
 * by Apache Commons Exec. Two process classes exist because Commons Exec can only destroy a child,
 * never signal it: long-lived children that must be stopped with SIGINT in their own session so
 * they finish cleanly (bpftrace printing its maps, fio, workloads, backgrounds) use {@link ChildProcess}.
 */
public final class ShortCommand {

    private static final String SETSID = "/usr/bin/setsid";

    /** What the call printed (small: these tools print a line or two) and how it ended. */
    public record Result(int exitCode, boolean timedOut, String stdout, String stderr) {

        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** The last {@code n} non-empty lines of stderr on one line, as {@link ChildProcess#stderrTail} gives them. */
        public String stderrTail(int n) {
            List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    private ShortCommand() {
    }

    /**
     * Runs {@code argv} to its end, or kills it after {@code timeout}. The call runs in its own
     * session, as {@link ChildProcess} children do, so a terminal's Ctrl-C during a restore does
     * not kill the modprobe that undoes a change.
     *
     * @throws IOException when the program cannot be started at all
     */
    public static Result run(List<String> argv, Duration timeout) throws IOException {
        boolean ownSession = Files.isExecutable(Path.of(SETSID));
        CommandLine line = new CommandLine(ownSession ? SETSID : argv.get(0));
        argv.subList(ownSession ? 0 : 1, argv.size()).forEach(arg -> line.addArgument(arg, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setExitValues(null); // every exit code is an answer the caller reads
        executor.setStreamHandler(new PumpStreamHandler(out, err));
        executor.setWatchdog(watchdog);
        int code = executor.execute(line);
        return new Result(code, watchdog.killedProcess(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}
