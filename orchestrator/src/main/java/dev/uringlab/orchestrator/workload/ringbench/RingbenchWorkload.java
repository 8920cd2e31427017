package dev.uringlab.orchestrator.workload.ringbench;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.parse.ParseException;
import dev.uringlab.analysis.parse.RingbenchJsonParser;
import dev.uringlab.orchestrator.config.Sizes;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.workload.Workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The project's own io_uring workload (workloads/ringbench), pinned like fio runs: taskset
 * bounds the whole process to the run's CPUs and {@code --cpus} places job i on the i-th of them.
 */
public final class RingbenchWorkload implements Workload {

    public static final String JSON = "ringbench.json";
    public static final String STDERR = "ringbench.stderr";
    public static final String CMDLINE = "ringbench.cmdline";

    private final Path binary;

    public RingbenchWorkload(Path binary) {
        this.binary = binary;
    }

    @Override
    public void preflight() throws ToolException {
        if (!Files.isExecutable(binary)) {
            throw new ToolException("ringbench not built at " + binary + ": run 'make -C workloads/ringbench'");
        }
    }

    @Override
    public String version() {
        return "ringbench (schema 1) " + binary;
    }

    @Override
    public Metrics run(RunSpec run, String targetPath, Path runDir) throws ToolException, InterruptedException {
        return run(run, targetPath, runDir, null);
    }

    /** Throughput mode: each job says open after its ring is set up and close after its last completion; other modes have one. */
    @Override
    public int ioWindowJobs(RunSpec run) {
        RingbenchOptions o = run.options(RingbenchOptions.class);
        return "throughput".equals(o.mode()) && o.flags().get("jobs") instanceof Long jobs ? Math.toIntExact(jobs) : 1;
    }

    @Override
    public Metrics run(RunSpec run, String targetPath, Path runDir, Path barrierSocket)
            throws ToolException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", CpuList.format(run.cpus())));
        command.add(binary.toString());
        command.addAll(arguments(run, targetPath));
        if (barrierSocket != null) {
            command.addAll(List.of("--barrier", barrierSocket.toString()));
        }
        Path json = runDir.resolve(JSON);
        try {
            Files.writeString(runDir.resolve(CMDLINE), String.join(" ", command) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("ringbench: cannot write to " + runDir + ": " + e.getMessage());
        }
        long timeout = run.options(RingbenchOptions.class).timeoutSeconds();
        try (ChildProcess child = ChildProcess.start("ringbench", command, json, runDir.resolve(STDERR), runDir)) {
            OptionalInt code = child.waitFor(Duration.ofSeconds(timeout));
            if (code.isEmpty()) {
                child.stop(Duration.ofSeconds(2));
                throw new ToolException("ringbench did not finish within " + timeout + " s: " + child.stderrTail(2));
            }
            if (ChildProcess.shutdownRequested()) {
                throw new InterruptedException("ringbench stopped by shutdown");
            }
            if (code.getAsInt() != 0) {
                throw new ToolException("ringbench failed (exit " + code.getAsInt() + "): " + firstLine(child.stderrFile()));
            }
        }
        try {
            return RingbenchJsonParser.parse(Files.readString(json, StandardCharsets.UTF_8), json.toString());
        } catch (IOException e) {
            throw new ToolException("ringbench: cannot read " + json + ": " + e.getMessage());
        } catch (ParseException e) {
            throw new ToolException(e.getMessage());
        }
    }

    /** stall mode: the latency of every iteration, in order (empty for other modes). */
    @Override
    public Map<String, List<Double>> samples(Path runDir) {
        try {
            List<Double> stall = RingbenchJsonParser.stallLatenciesUs(
                    Files.readString(runDir.resolve(JSON), StandardCharsets.UTF_8), JSON);
            return stall.isEmpty() ? Map.of() : Map.of("stall_latency_us", stall);
        } catch (IOException | ParseException e) {
            return Map.of();
        }
    }

    /** ringbench prints its one-line reason first, then (for bad arguments) the usage. */
    private static String firstLine(Path stderr) {
        try {
            return Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).findFirst().orElse("(no message on stderr)");
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    /** ringbench's command-line form of the run's options; booleans are switches, the rest take a value. */
    static List<String> arguments(RunSpec run, String targetPath) {
        Map<String, Object> o = run.options(RingbenchOptions.class).flags();
        List<String> args = new ArrayList<>(List.of("--file", targetPath, "--cpus", inOrder(run.cpuOrder())));
        if (run.target().kind() == TargetSpec.Kind.SCRATCH) {
            args.addAll(List.of("--size", Sizes.format(run.target().sizeBytes())));
        }
        if (run.target().kind() == TargetSpec.Kind.DEVICE && run.target().destructive()) {
            args.add("--destructive");
        }
        for (Map.Entry<String, Object> e : o.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (value == null) {
                continue;
            }
            switch (key) {
                case "direct" -> args.add(Boolean.TRUE.equals(value) ? "--direct" : "--buffered");
                case "iodepth" -> args.addAll(List.of("--qd", String.valueOf(value)));
                case "force_async" -> {
                    // 0 means off, as in fio; ringbench only takes N >= 1.
                    if ((Long) value > 0) {
                        args.addAll(List.of("--force-async", String.valueOf(value)));
                    }
                }
                case "sq_thread_idle" -> args.addAll(List.of("--sq-thread-idle", String.valueOf(value)));
                default -> {
                    String flag = "--" + key.replace('_', '-');
                    if (value instanceof Boolean on) {
                        if (on) {
                            args.add(flag);
                        }
                    } else {
                        args.addAll(List.of(flag, String.valueOf(value)));
                    }
                }
            }
        }
        return args;
    }

    private static String inOrder(List<Integer> cpus) {
        return String.join(",", cpus.stream().map(String::valueOf).toList());
    }

    /**
     * Finds the binary: $URINGLAB_RINGBENCH, else workloads/ringbench/ringbench beside the jar's
     * checkout, else under the working directory.
     */
    public static Path locate() {
        String env = System.getenv("URINGLAB_RINGBENCH");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        try {
            Path jar = Path.of(RingbenchWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // orchestrator/target/uringlab.jar or orchestrator/target/classes -> checkout root
            Path root = jar.getParent().getParent().getParent();
            Path candidate = root.resolve("workloads/ringbench/ringbench");
            if (Files.exists(candidate.getParent())) {
                return candidate;
            }
        } catch (Exception e) {
            // fall through to the working directory
        }
        return Path.of("workloads/ringbench/ringbench").toAbsolutePath();
    }
}
