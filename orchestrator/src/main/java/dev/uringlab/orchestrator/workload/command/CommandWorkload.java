package dev.uringlab.orchestrator.workload.command;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.parse.ParseException;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;
import dev.uringlab.orchestrator.workload.Workload;
import dev.uringlab.orchestrator.workload.ringbench.RingbenchWorkload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Any program as a workload ({@link CommandSpec}): pinned with taskset, env set through env(1),
 * run {@code invocations} times with optional cache drops in between, each invocation's wall time
 * recorded and its output parsed by the spec's rule.
 *
 * <p>wall time spans process start to exit, so it includes fork/exec of setsid, taskset (and env):
 * about a millisecond. For µs-scale operations parse the program's own timing (dd's "copied, X s").
 */
public final class CommandWorkload implements Workload {

    public static final String STDOUT = "command.stdout";
    public static final String STDERR = "command.stderr";
    public static final String CMDLINE = "command.cmdline";
    public static final String INVOCATIONS = "command.invocations.csv";

    private final CommandCacheDropper dropper;

    public CommandWorkload(CommandCacheDropper dropper) {
        this.dropper = dropper;
    }

    public CommandWorkload() {
        this(CommandCacheDropper.procfs());
    }

    @Override
    public void preflight() throws ToolException {
        if (Tools.which("taskset").isEmpty()) {
            throw new ToolException("taskset not found: apt-get install util-linux");
        }
    }

    @Override
    public String version() {
        return "command (program per experiment)";
    }

    @Override
    public Metrics run(RunSpec run, String targetPath, Path runDir) throws ToolException, InterruptedException {
        CommandSpec spec = run.options(CommandSpec.class);
        Map<String, String> values = new LinkedHashMap<>(spec.params());
        values.put("target", targetPath == null ? "" : targetPath);
        values.put("cpus", CpuList.format(run.cpus()));
        values.put("cpu_set", String.valueOf(run.cpuSet()));
        values.put("run_dir", runDir.toAbsolutePath().toString());
        values.put("run_id", String.valueOf(run.runId()));
        values.put("experiment", String.valueOf(run.experiment()));
        values.put("repetition", Integer.toString(run.repetition()));
        values.put("invocations", Integer.toString(spec.invocations()));
        // The project's own build (ringbench --mode cat, passthrough.so) wherever the command runs from.
        values.put("ringbench_dir", RingbenchWorkload.locate().toAbsolutePath().getParent().toString());

        int n = spec.invocations();
        double[] wallUs = new double[n];
        List<Map<String, Double>> parsed = new ArrayList<>();
        Path stdout = runDir.resolve(STDOUT);
        Path stderr = runDir.resolve(STDERR);
        for (int i = 1; i <= n; i++) {
            values.put("invocation", Integer.toString(i));
            Invocation inv = invocation(spec, values, run, runDir);
            if (i == 1) {
                write(runDir.resolve(CMDLINE), String.join(" ", inv.argv()) + (n > 1 ? "\n# x " + n
                        + " invocations" + (spec.beforeEach() == CommandSpec.BeforeEach.DROP_CACHES
                        ? ", caches dropped before each" : "") : "") + "\n", false);
            }
            if (spec.beforeEach() == CommandSpec.BeforeEach.DROP_CACHES) {
                dropper.dropCaches();
            }
            // One invocation's output alone, so the rule sees only its own; kept by appending below.
            Path out = n == 1 ? stdout : runDir.resolve("command." + i + ".stdout");
            Path err = n == 1 ? stderr : runDir.resolve("command." + i + ".stderr");
            String where = n == 1 ? "" : " (invocation " + i + " of " + n + ")";
            long t0 = System.nanoTime();
            OptionalInt code;
            try (ChildProcess child = ChildProcess.start("command", inv.argv(), out, err, inv.workdir())) {
                code = child.waitFor(Duration.ofSeconds(spec.timeoutSeconds()));
                wallUs[i - 1] = (System.nanoTime() - t0) / 1e3;
                if (code.isEmpty()) {
                    child.stop(Duration.ofSeconds(2));
                }
            }
            String lastWords = tail(err, out);
            Output text = n == 1 ? null : keep(i, n, code, wallUs[i - 1], out, err, stdout, stderr);
            if (ChildProcess.shutdownRequested()) {
                throw new InterruptedException("command stopped by shutdown");
            }
            if (code.isEmpty()) {
                throw new ToolException("command: " + inv.program() + " did not finish within " + spec.timeoutSeconds()
                        + " s" + where + ": " + lastWords);
            }
            if (code.getAsInt() != 0) {
                throw new ToolException("command: " + inv.program() + " failed (exit " + code.getAsInt() + ")" + where
                        + ": " + lastWords);
            }
            if (spec.parse() != null) {
                parsed.add(parse(spec, values, runDir, n == 1 ? null : text, where));
            }
        }
        Metrics metrics = metrics(wallUs, parsed);
        writeInvocations(runDir.resolve(INVOCATIONS), wallUs, parsed);
        return metrics;
    }

    private record Invocation(String program, List<String> argv, Path workdir) {
    }

    private static Invocation invocation(CommandSpec spec, Map<String, String> values, RunSpec run, Path runDir)
            throws ToolException {
        try {
            Path workdir = spec.workdir() == null ? runDir : Path.of(CommandTemplate.render(spec.workdir(), values));
            if (!Files.isDirectory(workdir)) {
                throw new ToolException("command: workdir " + workdir + " is not a directory");
            }
            String program = CommandTemplate.render(spec.program(), values);
            String resolved = resolve(program, workdir);
            List<String> argv = new ArrayList<>();
            if (spec.pin()) {
                argv.addAll(List.of("taskset", "-c", CpuList.format(run.cpus())));
            }
            if (!spec.env().isEmpty()) {
                // env(1) after taskset: ChildProcess inherits our environment, and a preload must not
                // reach taskset itself (a marker printed by a preloaded library would appear twice).
                argv.add("env");
                for (Map.Entry<String, String> e : spec.env().entrySet()) {
                    argv.add(e.getKey() + "=" + CommandTemplate.render(e.getValue(), values));
                }
            }
            argv.add(resolved);
            for (String arg : spec.args()) {
                argv.add(CommandTemplate.render(arg, values));
            }
            return new Invocation(program, argv, workdir);
        } catch (IllegalArgumentException e) {
            throw new ToolException("command: " + e.getMessage());
        }
    }

    /** A path (relative ones from the workdir) must be executable; a bare name must be on PATH. */
    private static String resolve(String program, Path workdir) throws ToolException {
        if (program.contains("/")) {
            Path p = workdir.resolve(program);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new ToolException("command: " + program + " not found" + (Files.exists(p) ? " (not executable)" : ""));
            }
            return p.toString();
        }
        return Tools.which(program).orElseThrow(() -> new ToolException("command: " + program + " not found on PATH"));
    }

    /** Appends one invocation's output to the kept files between separators; returns the parsed stream's text. */
    /** What one invocation printed, kept apart so the parse rule reads the stream it names. */
    private record Output(String stdout, String stderr) {
    }

    private static Output keep(int i, int n, OptionalInt code, double wallUs, Path out, Path err, Path stdout,
                               Path stderr) throws ToolException {
        try {
            String outText = Files.readString(out, StandardCharsets.UTF_8);
            String errText = Files.readString(err, StandardCharsets.UTF_8);
            String header = "==> invocation " + i + " of " + n + " (exit " + (code.isPresent() ? code.getAsInt()
                    : "timeout") + ", " + Math.round(wallUs) + " us) <==\n";
            write(stdout, header + outText + (outText.endsWith("\n") || outText.isEmpty() ? "" : "\n"), i > 1);
            write(stderr, header + errText + (errText.endsWith("\n") || errText.isEmpty() ? "" : "\n"), i > 1);
            Files.delete(out);
            Files.delete(err);
            return new Output(outText, errText);
        } catch (IOException e) {
            throw new ToolException("command: cannot keep output in " + stdout.getParent() + ": " + e.getMessage());
        }
    }

    private static Map<String, Double> parse(CommandSpec spec, Map<String, String> values, Path runDir, Output own,
                                             String where) throws ToolException {
        String stream = spec.stream();
        Path file = runDir.resolve(stream.equals("stderr") ? STDERR : STDOUT);
        String text;
        try {
            if (spec.parseFile() != null) {
                file = runDir.resolve(CommandTemplate.render(spec.parseFile(), values));
                stream = "file " + file;
                text = Files.readString(file, StandardCharsets.UTF_8);
            } else if (own != null) {
                text = stream.equals("stderr") ? own.stderr() : own.stdout();
            } else {
                text = Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ToolException("command: cannot read " + file + " to parse" + where + ": " + e.getMessage());
        }
        try {
            return spec.parse().apply(text, stream, file.toString());
        } catch (ParseException e) {
            throw new ToolException("command: " + e.getMessage() + where);
        }
    }

    /**
     * wall_*_us over the invocations always; each parsed metric as its mean (the plain name), and with
     * more than one invocation also its p50/p99/min/max, so a 100-invocation latency sweep keeps its tail.
     */
    static Metrics metrics(double[] wallUs, List<Map<String, Double>> parsed) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("invocations_done", (double) wallUs.length); // "invocations" is the parameter column
        stats(m, "wall_us", wallUs, true);
        m.put("wall_stdev_us", CommandStats.stdev(wallUs));
        m.put(Metrics.RUNTIME_S, Arrays.stream(wallUs).sum() / 1e6);
        if (!parsed.isEmpty()) {
            for (String metric : parsed.get(0).keySet()) {
                double[] v = parsed.stream().mapToDouble(p -> p.get(metric)).toArray();
                m.put(metric, CommandStats.mean(v));
                if (v.length > 1) {
                    stats(m, metric, v, false);
                }
            }
        }
        return Metrics.of(m);
    }

    private static void stats(Map<String, Double> m, String metric, double[] v, boolean withMean) {
        if (withMean) {
            m.put(CommandStats.name(metric, "mean"), CommandStats.mean(v));
        }
        m.put(CommandStats.name(metric, "p50"), CommandStats.percentile(v, 50));
        if (withMean) {
            m.put(CommandStats.name(metric, "p95"), CommandStats.percentile(v, 95));
        }
        m.put(CommandStats.name(metric, "p99"), CommandStats.percentile(v, 99));
        m.put(CommandStats.name(metric, "min"), CommandStats.percentile(v, 0));
        m.put(CommandStats.name(metric, "max"), CommandStats.percentile(v, 100));
    }

    /** One row per invocation: the raw numbers behind the summary, for re-analysis. */
    private static void writeInvocations(Path file, double[] wallUs, List<Map<String, Double>> parsed)
            throws ToolException {
        StringBuilder out = new StringBuilder("invocation,wall_us");
        List<String> names = parsed.isEmpty() ? List.of() : List.copyOf(parsed.get(0).keySet());
        names.forEach(name -> out.append(',').append(name));
        out.append('\n');
        for (int i = 0; i < wallUs.length; i++) {
            out.append(i + 1).append(',').append(String.format(Locale.ROOT, "%.1f", wallUs[i]));
            for (String name : names) {
                out.append(',').append(parsed.get(i).get(name));
            }
            out.append('\n');
        }
        write(file, out.toString(), false);
    }

    private static void write(Path file, String text, boolean append) throws ToolException {
        try {
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ToolException("command: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The tool's own last words: stderr's tail, else stdout's. */
    private static String tail(Path stderr, Path stdout) {
        String t = ChildProcess.tail(stderr, 3);
        if (t.isEmpty()) {
            t = ChildProcess.tail(stdout, 3);
        }
        return t.isEmpty() ? "(no output)" : t;
    }
}
