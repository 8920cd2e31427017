package dev.uringlab.orchestrator.workload.fio;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.workload.ScratchFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Real fio, 1 s runs on a 64 MiB file, pinned to CPU 0 (the lab's non-interrupt core). */
class FioRunnerIT {

    @TempDir
    static Path dir;

    static Path scratch;

    @BeforeAll
    static void prerequisites() throws Exception {
        requireTool("fio");
        requireTool("taskset");
        scratch = ScratchFile.ensure(dir.resolve("scratch"), 64L << 20).path();
    }

    @Test
    void runsPinnedAndKeepsEveryFile() throws Exception {
        FioJob job = FioJob.builder(scratch.toString()).size("64m").iodepth(8).runtimeSeconds(1).build();
        Path run = dir.resolve("ok");
        Metrics m = new FioRunner().run(job, "0", run);
        assertTrue(m.getOr(Metrics.IOPS, 0) > 0, m.toString());
        assertTrue(m.asMap().containsKey("lat_p99_us"), "lat_percentiles=1 was passed");
        assertEquals(0.0, m.getOr("io_errors", -1));
        for (String f : new String[] {FioRunner.JSON, FioRunner.STDOUT, FioRunner.STDERR, FioRunner.CMDLINE}) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        assertTrue(Files.readString(run.resolve(FioRunner.CMDLINE)).startsWith("taskset -c 0 fio "));
    }

    @Test
    void badOptionGivesFiosOwnLine() {
        FioJob job = FioJob.builder(scratch.toString()).size("64m").runtimeSeconds(1).extra("bogus_option", "1").build();
        Path run = dir.resolve("bad");
        ToolException e = assertThrows(ToolException.class, () -> new FioRunner().run(job, "0", run));
        assertEquals("fio failed (exit 1): fio: unrecognized option '--bogus_option=1' (full output in " + run + ")",
                e.getMessage());
    }

    @Test
    void unalignedDirectIoGivesFiosIoError() {
        FioJob job = FioJob.builder(scratch.toString()).size("64m").bs("1000").runtimeSeconds(1).build();
        Path run = dir.resolve("unaligned");
        ToolException e = assertThrows(ToolException.class, () -> new FioRunner().run(job, "0", run));
        String msg = e.getMessage();
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.startsWith("fio failed (exit 1): fio: io_u error on file " + scratch + ": Invalid argument"), msg);
        assertTrue(msg.contains("failed with error 22 (Invalid argument)"), msg);
    }

    /** Skips with the reason, except under CI=true where a missing tool is a failure (DESIGN.md). */
    private static void requireTool(String tool) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
        boolean found = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (found) {
            return;
        }
        String reason = tool + " is not installed (apt-get install " + tool + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + reason);
        }
        System.out.println("SKIP FioRunnerIT: " + reason);
        Assumptions.assumeTrue(false, reason);
    }
}
