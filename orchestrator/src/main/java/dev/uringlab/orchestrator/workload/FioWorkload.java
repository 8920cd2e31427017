package dev.uringlab.orchestrator.workload;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.orchestrator.config.Sizes;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** fio as a {@link Workload}: the run's options become a {@link FioJob}, run pinned by {@link FioRunner}. */
public final class FioWorkload implements Workload {

    private final String fio;

    public FioWorkload(String fio) {
        this.fio = fio;
    }

    @Override
    public void preflight() throws ToolException {
        if (Tools.which(fio).isEmpty() && !Files.isExecutable(Path.of(fio))) {
            throw new ToolException("fio not found: apt-get install fio");
        }
    }

    @Override
    public String version() {
        return Tools.version(fio, "--version").orElse("unknown");
    }

    @Override
    public Metrics run(RunSpec run, String targetPath, Path runDir) throws ToolException, InterruptedException {
        FioJob job;
        try {
            job = job(run.workload().options(), run.target(), targetPath);
        } catch (IllegalArgumentException e) {
            throw new ToolException(e.getMessage());
        }
        return new FioRunner(fio).run(job, CpuList.format(run.cpus()), runDir);
    }

    /** The fio job for these (validated) options; also used for fio background workloads. */
    public static FioJob job(Map<String, Object> o, TargetSpec target, String targetPath) throws ToolException {
        FioJob.Builder b = FioJob.builder(targetPath)
                .engine((String) o.get("engine"))
                .rw((String) o.get("rw"))
                .bs((String) o.get("bs"))
                .iodepth(intOf(o.get("iodepth")))
                .numjobs(intOf(o.get("numjobs")))
                .runtimeSeconds(intOf(o.get("runtime")))
                .rampSeconds(intOf(o.getOrDefault("ramp_time", 0L)))
                .direct(Boolean.TRUE.equals(o.get("direct")))
                .size(Sizes.format(targetSize(target, targetPath)))
                .sqthreadPoll(Boolean.TRUE.equals(o.get("sqthread_poll")))
                .registerFiles(Boolean.TRUE.equals(o.get("registerfiles")))
                .fixedBufs(Boolean.TRUE.equals(o.get("fixedbufs")))
                .hipri(Boolean.TRUE.equals(o.get("hipri")));
        // The SQ thread's CPU means nothing without SQPOLL: a file-wide default may sit beside other engines.
        if (o.get("sqthread_poll_cpu") != null && Boolean.TRUE.equals(o.get("sqthread_poll"))) {
            b.sqthreadPollCpu(intOf(o.get("sqthread_poll_cpu")));
        }
        if (o.get("force_async") != null) {
            b.forceAsync(intOf(o.get("force_async")));
        }
        if (o.get("rwmixread") != null) {
            b.extra("rwmixread", String.valueOf(o.get("rwmixread")));
        }
        if (o.get("extra") instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> b.extra(String.valueOf(k), String.valueOf(v)));
        }
        return b.build();
    }

    /** fio needs a size; an existing file or device is used whole. */
    private static long targetSize(TargetSpec target, String path) throws ToolException {
        if (target.kind() == TargetSpec.Kind.SCRATCH) {
            return target.sizeBytes();
        }
        try {
            if (target.kind() == TargetSpec.Kind.DEVICE) {
                String name = Path.of(path).toRealPath().getFileName().toString();
                return Long.parseLong(Files.readString(Path.of("/sys/class/block", name, "size")).trim()) * 512;
            }
            return Files.size(Path.of(path)) / 4096 * 4096;
        } catch (IOException | NumberFormatException e) {
            throw new ToolException("cannot size target " + path + ": " + e.getMessage());
        }
    }

    private static int intOf(Object value) {
        return Math.toIntExact((Long) value);
    }
}
