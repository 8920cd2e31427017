package dev.uringlab.orchestrator.workload.fio;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FioJobTest {

    private static final Path OUT = Path.of("/r/fio.json");

    @Test
    void buildsTheFullCommandLineForIoUring() {
        FioJob job = FioJob.builder("/scratch/f").iodepth(16).runtimeSeconds(3).rampSeconds(1).size("64m")
                .sqthreadPoll(true).sqthreadPollCpu(1).fixedBufs(true).forceAsync(4)
                .extra("norandommap", "").extra("randrepeat", "0").build();
        assertEquals(List.of("fio", "--output-format=json+", "--output=/r/fio.json", "--name=uringlab",
                "--filename=/scratch/f", "--size=64m", "--ioengine=io_uring", "--rw=randread", "--bs=4k",
                "--iodepth=16", "--numjobs=1", "--time_based=1", "--runtime=3s", "--ramp_time=1s", "--direct=1",
                "--group_reporting=1", "--lat_percentiles=1", "--clat_percentiles=1",
                "--sqthread_poll=1", "--sqthread_poll_cpu=1", "--registerfiles=0", "--fixedbufs=1",
                "--force_async=4", "--hipri=0", "--norandommap", "--randrepeat=0"),
                job.commandLine("fio", OUT));
    }

    @Test
    void otherEnginesGetNoIoUringOptions() {
        List<String> cmd = FioJob.builder("/f").engine("psync").direct(false).build().commandLine("/usr/bin/fio", OUT);
        assertEquals("/usr/bin/fio", cmd.get(0));
        assertTrue(cmd.contains("--direct=0"));
        assertFalse(cmd.stream().anyMatch(a -> a.startsWith("--sqthread") || a.startsWith("--hipri")
                || a.startsWith("--fixedbufs") || a.startsWith("--registerfiles") || a.startsWith("--ramp_time")));
    }

    @Test
    void engineComesBeforeItsOptions() {
        // fio 3.33 answers "unrecognized option '--sqthread_poll=1'" when the engine is named later.
        List<String> cmd = FioJob.builder("/f").sqthreadPoll(true).build().commandLine("fio", OUT);
        assertTrue(cmd.indexOf("--ioengine=io_uring") < cmd.indexOf("--sqthread_poll=1"));
    }

    @Test
    void refusesIoUringOptionsForOtherEngines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FioJob.builder("/f").engine("libaio").fixedBufs(true).build());
        assertEquals("fio option fixedbufs only exists for engine io_uring; remove it or set engine: io_uring",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").engine("psync").forceAsync(1).build());
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").engine("posixaio").hipri(true).build());
    }

    @Test
    void refusesPollCpuWithoutPolling() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FioJob.builder("/f").sqthreadPollCpu(0).build());
        assertTrue(e.getMessage().startsWith("fio option sqthread_poll_cpu=0 needs sqthread_poll: true"));
    }

    @Test
    void validatesFields() {
        assertEquals("fio engine 'sync' is invalid: expected one of [io_uring, libaio, posixaio, psync]",
                assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").engine("sync").build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").rw("randtrim").build());
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").bs("4 k").build());
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").iodepth(0).build());
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").runtimeSeconds(0).build());
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/a:b").build());
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").size("lots").build());
    }

    @Test
    void extraCannotOverridePinningOrOwnedOptions() {
        IllegalArgumentException pin = assertThrows(IllegalArgumentException.class,
                () -> FioJob.builder("/f").extra("cpus_allowed", "1").build());
        assertEquals("fio option 'cpus_allowed' cannot be passed in extra: CPU placement is set by the "
                + "experiment's cpus, with taskset", pin.getMessage());
        IllegalArgumentException owned = assertThrows(IllegalArgumentException.class,
                () -> FioJob.builder("/f").extra("iodepth", "4").build());
        assertTrue(owned.getMessage().contains("use the job's own field"));
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").extra("--bad", "1").build());
        assertThrows(IllegalArgumentException.class, () -> FioJob.builder("/f").extra("x", "a\nb").build());
    }

    @Test
    void extraIsImmutableAndSorted() {
        FioJob job = FioJob.builder("/f").extra("zonemode", "none").extra("allrandrepeat", "1").build();
        assertThrows(UnsupportedOperationException.class, () -> job.extra().put("a", "b"));
        List<String> cmd = job.commandLine("fio", OUT);
        assertTrue(cmd.indexOf("--allrandrepeat=1") < cmd.indexOf("--zonemode=none"));
    }
}
