package dev.uringlab.orchestrator.workload.fio;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.parse.FioErrors;
import dev.uringlab.analysis.parse.FioJsonParser;
import dev.uringlab.analysis.parse.ParseException;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs one {@link FioJob} pinned with taskset and keeps everything fio said in the run
 * directory: fio.json (the report), fio.stdout, fio.stderr and fio.cmdline.
 */
public final class FioRunner {

    public static final String JSON = "fio.json";
    public static final String STDOUT = "fio.stdout";
    public static final String STDERR = "fio.stderr";
    public static final String CMDLINE = "fio.cmdline";

    /** fio needs time beyond runtime+ramp to lay out files and write its report. */
    static final Duration SLACK = Duration.ofSeconds(60);

    private static final Pattern CPU_LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    private static final Pattern SAFE_ARG = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

    private final String fioBinary;

    public FioRunner(String fioBinary) {
        this.fioBinary = fioBinary;
    }

    public FioRunner() {
        this("fio");
    }

    /**
     * Runs {@code job} on the CPUs in {@code cpuList} (taskset syntax, e.g. "0" or "0-1";
     * null runs unpinned) and returns its metrics.
     */
    public Metrics run(FioJob job, String cpuList, Path runDir) throws ToolException, InterruptedException {
        List<String> command = command(job, cpuList, runDir);
        Path json = runDir.resolve(JSON);
        try {
            Files.createDirectories(runDir);
            Files.deleteIfExists(json); // a stale report from an earlier attempt must not pass as this run's
            Files.writeString(runDir.resolve(CMDLINE), shellLine(command) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("fio: cannot prepare run directory " + runDir + ": " + e.getMessage());
        }
        Duration timeout = Duration.ofSeconds(job.expectedSeconds()).plus(SLACK);
        try (ChildProcess child = ChildProcess.start("fio", command,
                runDir.resolve(STDOUT), runDir.resolve(STDERR), runDir)) {
            OptionalInt exit = child.waitFor(timeout);
            if (exit.isEmpty()) {
                child.stop(Duration.ofSeconds(5)); // SIGINT first: fio still writes its report
                throw new ToolException("fio did not finish within " + timeout.toSeconds() + " s and was stopped; "
                        + "see " + runDir.resolve(STDERR));
            }
            if (ChildProcess.shutdownRequested()) {
                // fio stopped by our Ctrl-C handling still writes a valid-looking, truncated report.
                throw new ToolException("fio was interrupted (uringlab is shutting down); this run has no result");
            }
            if (exit.getAsInt() != 0) {
                throw new ToolException(failure(exit.getAsInt(), runDir));
            }
        }
        try {
            return FioJsonParser.parse(json);
        } catch (ParseException e) {
            throw new ToolException("fio exited 0 but its report is unusable: " + e.getMessage(), e);
        }
    }

    /** The full command: taskset keeps fio (and every job it forks) on the given CPUs. */
    List<String> command(FioJob job, String cpuList, Path runDir) {
        List<String> command = new ArrayList<>();
        if (cpuList != null) {
            if (!CPU_LIST.matcher(cpuList).matches()) {
                throw new IllegalArgumentException("CPU list '" + cpuList + "' is invalid: expected e.g. 0 or 0-1,3");
            }
            command.addAll(List.of("taskset", "-c", cpuList));
        }
        command.addAll(job.commandLine(fioBinary, runDir.toAbsolutePath().resolve(JSON)));
        return command;
    }

    /** One line: fio's own messages verbatim (stderr first), then what its report says about the job. */
    static String failure(int exit, Path runDir) {
        Set<String> said = new LinkedHashSet<>();
        for (String name : List.of(STDERR, STDOUT)) {
            said.addAll(FioErrors.messages(read(runDir.resolve(name))));
        }
        String jobError = "";
        Path json = runDir.resolve(JSON);
        if (Files.exists(json)) {
            try {
                FioJsonParser.parse(json);
            } catch (ParseException e) {
                // The parser prefixes the file name; the user gets the path once, at the end.
                jobError = e.getMessage().replace(json + ": ", "");
            }
        }
        String text = said.isEmpty() ? "no message from fio" : String.join("; ", said);
        if (!jobError.isEmpty() && !jobError.startsWith("no fio JSON")) {
            text += " [" + jobError + "]";
        }
        return "fio failed (exit " + exit + "): " + text + " (full output in " + runDir + ")";
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** A copy-pasteable shell line, so a user can rerun exactly what uringlab ran. */
    static String shellLine(List<String> command) {
        return command.stream()
                .map(a -> SAFE_ARG.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }
}
