package dev.uringlab.orchestrator.workload.fio;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.orchestrator.config.Sizes;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;
import dev.uringlab.orchestrator.workload.Workload;
import dev.uringlab.orchestrator.window.BarrierHelper;
import dev.uringlab.orchestrator.window.IoBarrier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** fio as a {@link Workload}: the run's options become a {@link FioJob}, run pinned by {@link FioRunner}. */
public final class FioWorkload implements Workload {

    private final String fio;

    public FioWorkload(String fio) {
        this.fio = fio;
    }

    @Override
    public void preflight() throws ToolException {
        if (!Tools.available(fio)) {
            throw new ToolException("fio not found: apt-get install fio");
        }
    }

    @Override
    public String version() {
        return Tools.version(fio, "--version").orElse("unknown");
    }

    @Override
    public Metrics run(RunSpec run, String targetPath, Path runDir) throws ToolException, InterruptedException {
        return run(run, targetPath, runDir, null);
    }

    /**
     * fio 3.33 runs exec_prerun in every job after its ring is set up (io_uring_setup, mmap, SQPOLL
     * thread: the engine's post_init) and before its first I/O, and exec_postrun after its last I/O,
     * before the files, buffers and ring are torn down (backend.c thread_main). A job's own
     * exec_prerun/exec_postrun in extra leaves the process window: fio keeps only one of each.
     */
    @Override
    public int ioWindowJobs(RunSpec run) {
        FioOptions o = run.options(FioOptions.class);
        if (o.extra().containsKey("exec_prerun") || o.extra().containsKey("exec_postrun")) {
            return 0;
        }
        return BarrierHelper.locate().isPresent() ? Math.toIntExact(o.numjobs()) : 0;
    }

    @Override
    public Metrics run(RunSpec run, String targetPath, Path runDir, Path barrierSocket)
            throws ToolException, InterruptedException {
        FioJob job;
        try {
            job = job(run.options(FioOptions.class), run.target(), targetPath);
            if (barrierSocket != null) {
                Path helper = BarrierHelper.locate().orElseThrow(() -> new ToolException(
                        BarrierHelper.NAME + " is gone: rebuild it with make -C workloads/ringbench"));
                job = job.withExtra("exec_prerun", BarrierHelper.shellCommand(helper, barrierSocket, IoBarrier.OPEN))
                        .withExtra("exec_postrun", BarrierHelper.shellCommand(helper, barrierSocket, IoBarrier.CLOSE));
            }
        } catch (IllegalArgumentException e) {
            throw new ToolException(e.getMessage());
        }
        return new FioRunner(fio).run(job, CpuList.format(run.cpus()), runDir);
    }

    /** The fio job for these options; also used for fio background workloads. */
    public static FioJob job(FioOptions o, TargetSpec target, String targetPath) throws ToolException {
        FioJob.Builder b = FioJob.builder(targetPath)
                .engine(o.engine())
                .rw(o.rw())
                .bs(o.bs())
                .iodepth(Math.toIntExact(o.iodepth()))
                .numjobs(Math.toIntExact(o.numjobs()))
                .runtimeSeconds(Math.toIntExact(o.runtime()))
                .rampSeconds(Math.toIntExact(o.rampTime()))
                .direct(o.direct())
                .size(Sizes.format(targetSize(target, targetPath)))
                .sqthreadPoll(o.sqthreadPoll())
                .registerFiles(o.registerFiles())
                .fixedBufs(o.fixedBufs())
                .hipri(o.hipri());
        // The SQ thread's CPU means nothing without SQPOLL: a file-wide default may sit beside other engines.
        if (o.sqthreadPollCpu() != null && o.sqthreadPoll()) {
            b.sqthreadPollCpu(Math.toIntExact(o.sqthreadPollCpu()));
        }
        if (o.forceAsync() != null) {
            b.forceAsync(Math.toIntExact(o.forceAsync()));
        }
        if (o.rwmixread() != null) {
            b.extra("rwmixread", String.valueOf(o.rwmixread()));
        }
        o.extra().forEach(b::extra);
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
}
