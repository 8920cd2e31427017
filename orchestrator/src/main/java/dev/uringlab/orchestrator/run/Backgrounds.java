package dev.uringlab.orchestrator.run;

import dev.uringlab.orchestrator.config.BackgroundSpec;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.plan.PlannedBackground;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;
import dev.uringlab.orchestrator.workload.fio.FioOptions;
import dev.uringlab.orchestrator.workload.fio.FioWorkload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The background workloads of one run: started before the measured workload, checked alive
 * after it (one that died early invalidates the measurement), and always stopped when the run
 * ends — {@link #close} kills whatever is still there, so nothing outlives its run.
 */
final class Backgrounds implements AutoCloseable {

    /** Long enough to outlast any measured run: backgrounds are stopped, never left to finish. */
    private static final int FIO_RUNTIME_S = 24 * 3600;
    private static final Duration SETTLE = Duration.ofMillis(300);

    private record Started(String label, ChildProcess process) {
    }

    private final List<Started> started = new ArrayList<>();

    private Backgrounds() {
    }

    static Backgrounds start(List<PlannedBackground> planned, TargetSpec target, String targetPath, Path runDir)
            throws ToolException, InterruptedException {
        Backgrounds set = new Backgrounds();
        try {
            int n = 0;
            for (PlannedBackground b : planned) {
                for (int copy = 0; copy < b.spec().count(); copy++) {
                    n++;
                    String label = "background #" + n + " (" + b.spec().describe() + ")";
                    List<String> command = new ArrayList<>(List.of("taskset", "-c", CpuList.format(b.cpus())));
                    command.addAll(argv(b.spec(), target, targetPath, runDir.resolve("background-" + n + ".json")));
                    set.started.add(new Started(label, ChildProcess.start("background", command,
                            runDir.resolve("background-" + n + ".stdout"), runDir.resolve("background-" + n + ".stderr"),
                            runDir)));
                }
            }
            if (!set.started.isEmpty()) {
                Thread.sleep(SETTLE.toMillis());
                set.checkAlive("before the measured workload started");
            }
            return set;
        } catch (ToolException | InterruptedException | RuntimeException e) {
            set.close();
            throw e;
        }
    }

    private static List<String> argv(BackgroundSpec spec, TargetSpec target, String targetPath, Path fioJson)
            throws ToolException {
        return switch (spec.kind()) {
            case "spin" -> List.of("sh", "-c", "while :; do :; done");
            case "command" -> spec.command();
            default -> {
                FioOptions options = FioOptions.of(spec.options()).withRuntime(FIO_RUNTIME_S);
                String fio = Tools.which("fio").orElseThrow(() -> new ToolException("background fio: fio not found"));
                yield FioWorkload.job(options, target, targetPath).commandLine(fio, fioJson);
            }
        };
    }

    /** The background processes' pids: their CPU time is the run's declared load, not a noisy neighbour's. */
    List<Long> pids() {
        return started.stream().map(s -> s.process().pid()).toList();
    }

    /** Fails the run when a background workload is gone: the measurement did not have its interference. */
    void checkAlive(String when) throws ToolException {
        for (Started s : started) {
            if (!s.process().isAlive()) {
                String tail = s.process().stderrTail(2);
                throw new ToolException(s.label() + " exited " + when + (tail.isEmpty() ? "" : ": " + tail));
            }
        }
    }

    @Override
    public void close() {
        for (Started s : started) {
            s.process().close();
        }
    }
}
