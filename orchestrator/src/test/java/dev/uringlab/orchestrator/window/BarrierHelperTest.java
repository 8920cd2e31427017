package dev.uringlab.orchestrator.window;

import dev.uringlab.orchestrator.workload.fio.FioJob;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact argument fio gets for its exec_prerun/exec_postrun, which it hands to sh unchanged. */
class BarrierHelperTest {

    @Test
    void fioGetsTheHelperAndSocketQuotedForSh() {
        Path helper = Path.of("/work/my checkout/workloads/ringbench/uringlab-barrier");
        Path socket = Path.of("/tmp/o'brien/uringlab-barrier-1-2-3/barrier.sock");
        FioJob job = FioJob.builder("/scratch/f").build()
                .withExtra("exec_prerun", BarrierHelper.shellCommand(helper, socket, IoBarrier.OPEN))
                .withExtra("exec_postrun", BarrierHelper.shellCommand(helper, socket, IoBarrier.CLOSE));
        List<String> cmd = job.commandLine("/usr/bin/fio", Path.of("/r/fio.json"));
        assertTrue(cmd.contains("--exec_prerun='/work/my checkout/workloads/ringbench/uringlab-barrier'"
                + " '/tmp/o'\\''brien/uringlab-barrier-1-2-3/barrier.sock' 'open' '30'"), cmd.toString());
        assertTrue(cmd.contains("--exec_postrun='/work/my checkout/workloads/ringbench/uringlab-barrier'"
                + " '/tmp/o'\\''brien/uringlab-barrier-1-2-3/barrier.sock' 'close' '30'"), cmd.toString());
    }
}
