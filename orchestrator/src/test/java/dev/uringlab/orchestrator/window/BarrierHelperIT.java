package dev.uringlab.orchestrator.window;

import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real C helper (workloads/ringbench/uringlab-barrier) against the Java barrier: answered, refused, bounded. */
class BarrierHelperIT {

    private static Path helper;

    @BeforeAll
    static void built() {
        Prerequisites.require(BarrierHelper.locate().isPresent(),
                BarrierHelper.NAME + " not built beside ringbench (make -C workloads/ringbench; make test builds it)");
        helper = BarrierHelper.locate().orElseThrow();
    }

    record Result(int code, String stderr, double seconds) {
    }

    static Result run(Path socket, String event, int timeout) throws Exception {
        List<String> cmd = new ArrayList<>(BarrierHelper.command(helper, socket, event));
        cmd.set(3, Integer.toString(timeout));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the helper hung");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), err, (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void exitsZeroOnceTheWindowMoved() throws Exception {
        IoBarrierTest.Recording window = new IoBarrierTest.Recording();
        window.delayMillis = 200;
        try (IoBarrier barrier = IoBarrier.start(window, 1)) {
            Result open = run(barrier.socket(), IoBarrier.OPEN, 5);
            assertEquals(0, open.code(), open.stderr());
            assertTrue(open.seconds() >= 0.2, "returned before the dump: " + open.seconds());
            assertEquals(0, run(barrier.socket(), IoBarrier.CLOSE, 5).code());
            assertEquals(List.of("open", "close"), window.events);
        }
    }

    @Test
    void failsAtOnceWithoutAListener(@TempDir Path dir) throws Exception {
        Result r = run(dir.resolve("none.sock"), IoBarrier.OPEN, 5);
        assertEquals(1, r.code());
        assertTrue(r.stderr().contains("cannot connect"), r.stderr());
        assertTrue(r.seconds() < 2, "took " + r.seconds());
    }

    @Test
    void givesUpAfterItsTimeoutWhenNoAnswerComes() throws Exception {
        IoBarrierTest.Recording window = new IoBarrierTest.Recording();
        window.delayMillis = 4000;
        try (IoBarrier barrier = IoBarrier.start(window, 1)) {
            Result r = run(barrier.socket(), IoBarrier.OPEN, 1);
            assertEquals(1, r.code());
            assertTrue(r.stderr().contains("no answer to 'open'"), r.stderr());
            assertTrue(r.seconds() < 3, "bounded by its 1 s timeout, took " + r.seconds());
        }
    }

    @Test
    void failsWhenUringlabRefuses() throws Exception {
        IoBarrierTest.Recording window = new IoBarrierTest.Recording();
        window.failOn = "open";
        try (IoBarrier barrier = IoBarrier.start(window, 1)) {
            Result r = run(barrier.socket(), IoBarrier.OPEN, 5);
            assertEquals(1, r.code());
            assertTrue(r.stderr().contains("refused") && r.stderr().contains("SIGUSR1"), r.stderr());
        }
    }
}
