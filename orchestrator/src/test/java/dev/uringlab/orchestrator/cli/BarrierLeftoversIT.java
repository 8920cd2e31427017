package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep killed by SIGKILL while fio runs in its probe window leaves the window's socket
 * directory under the temporary directory (nothing runs to remove it); the next run removes it,
 * and says so.
 */
class BarrierLeftoversIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
    }

    @Test
    void theNextRunRemovesTheSocketDirectoryOfASweepKilledWithMinus9(@TempDir Path dir) throws Exception {
        Path file = SweepGuardIT.experiment(dir, 4, true);
        Path results = dir.resolve("results");
        Process victim = SweepGuardIT.sweepInAnotherJvm(file, results);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<Path> left = List.of();
        while (left.isEmpty() || SweepGuardIT.childrenOf(victim.pid()).stream().noneMatch(m -> m.command().equals("fio"))) {
            assertTrue(System.nanoTime() < deadline && victim.isAlive(), "the sweep never started fio in its window: "
                    + Files.readString(dir.resolve("other.log")));
            Thread.sleep(100);
            left = barrierDirsOf(victim.pid());
        }
        victim.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        victim.waitFor();
        assertEquals(1, left.size(), left.toString());
        Path socketDir = left.get(0);
        assertTrue(Files.isDirectory(socketDir), "kill -9 leaves the directory: " + socketDir);

        CliConventionsTest.Outcome next = SweepGuardIT.runHere("run", file.toString(), "--results", results.toString());
        String said = next.out();
        if (next.code() != 0 && said.contains("host changes of a sweep that died were never undone")) {
            // bpf_stats_enabled was left on: restore it as the refusal says, then run again
            String command = said.substring(said.indexOf("uringlab restore ") + "uringlab restore ".length()).strip();
            assertEquals(0, SweepGuardIT.runHere("restore", command).code());
            next = SweepGuardIT.runHere("run", file.toString(), "--results", results.toString());
            said += next.out();
        }
        assertEquals(0, next.code(), next.out());
        assertFalse(Files.exists(socketDir), "removed by the next run's leftover scan: " + socketDir);
        assertTrue(said.contains("probe-window socket directory " + socketDir + " left by uringlab pid " + victim.pid()
                + ", which died: removed"), said);
    }

    private static List<Path> barrierDirsOf(long pid) throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("uringlab-barrier-" + pid + "-")).toList();
        }
    }
}
