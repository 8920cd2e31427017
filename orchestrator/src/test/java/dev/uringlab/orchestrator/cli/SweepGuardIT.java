package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.process.SweepMarker;
import dev.uringlab.orchestrator.run.HostLock;
import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One sweep per host and nothing left behind, with real sweeps in a second JVM: a concurrent
 * {@code uringlab run} is refused naming the holder; a sweep killed by SIGKILL loses its children
 * at once (the watchdog), and the next run refuses until its host changes are restored; marked
 * processes of a dead sweep that escaped the watchdog are stopped by the next run.
 */
public class SweepGuardIT {

    private static final Path STATS = Path.of("/proc/sys/kernel/bpf_stats_enabled");

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
    }

    static Path experiment(Path dir, int runtime, boolean probes) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, """
                experiments:
                  - name: it-guard
                    target: {kind: scratch, path: %s, size: 64m}
                    workload: {kind: fio, engine: io_uring, rw: randread, bs: 4k, iodepth: 16, runtime: %d}
                    sweep:
                      iodepth: [8, 16]
                %s""".formatted(dir.resolve("scratch.dat"), runtime, probes ? "    probes: [io_uring_enter]\n" : ""));
        return file;
    }

    /** {@code uringlab run} in another JVM, as a user's second terminal would start it. */
    static Process sweepInAnotherJvm(Path file, Path results) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-cp", cp, Main.class.getName(), "run", file.toString(), "--results",
                results.toString()).redirectErrorStream(true).redirectOutput(results.resolveSibling("other.log").toFile())
                .start();
    }

    /** {@code uringlab ARGS} in this JVM, its output echoed for the test log. */
    static CliConventionsTest.Outcome runHere(String... args) {
        CliConventionsTest.Outcome o = CliConventionsTest.run(args);
        System.out.println("$ uringlab " + String.join(" ", args) + "\n" + o.out());
        return o;
    }

    static void awaitLockHeldBy(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(HostLock.path()) && Files.readString(HostLock.path()).contains("pid=" + pid + "\n")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the other sweep never took the host lock");
    }

    static List<SweepMarker.Marked> childrenOf(long pid) {
        return SweepMarker.scan(Path.of("/proc")).stream().filter(m -> m.ownerPid() == pid).toList();
    }

    @Test
    void aSecondConcurrentRunIsRefusedNamingTheHolder(@TempDir Path dir) throws Exception {
        Path file = experiment(dir, 4, false);
        Process other = sweepInAnotherJvm(file, dir.resolve("results-a"));
        try {
            awaitLockHeldBy(other.pid());
            CliConventionsTest.Outcome second = runHere("run", file.toString(), "--results", dir.resolve("results-b").toString());
            assertEquals(ExitCodes.FAILURE, second.code());
            assertTrue(second.out().contains("another sweep is running on this host: uringlab pid " + other.pid()
                    + ", experiment(s) it-guard, results " + dir.resolve("results-a")), second.out());
            assertFalse(Files.exists(dir.resolve("results-b/it-guard/runs.csv")), "the refused run measured nothing");
            // plan takes no lock
            assertEquals(0, runHere("plan", file.toString()).code());
        } finally {
            assertTrue(other.waitFor(120, TimeUnit.SECONDS));
        }
        assertEquals(0, other.exitValue(), Files.readString(dir.resolve("other.log")));
    }

    @Test
    void killMinus9LeavesNoChildAndTheNextRunRefusesUntilRestored(@TempDir Path dir) throws Exception {
        boolean statsWereOff = Files.readString(STATS).strip().equals("0");
        Path file = experiment(dir, 4, true);
        Path results = dir.resolve("results");
        Process victim = sweepInAnotherJvm(file, results);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (childrenOf(victim.pid()).stream().noneMatch(m -> m.command().equals("fio"))) {
            assertTrue(System.nanoTime() < deadline && victim.isAlive(), "the sweep never started fio: "
                    + Files.readString(dir.resolve("other.log")));
            Thread.sleep(100);
        }
        List<SweepMarker.Marked> children = childrenOf(victim.pid());
        System.out.println("children before kill -9: " + children);
        assertTrue(children.stream().anyMatch(m -> m.command().equals("bpftrace")), children.toString());
        victim.destroyForcibly(); // SIGKILL: no shutdown hook runs
        victim.waitFor();
        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!childrenOf(victim.pid()).isEmpty() && System.nanoTime() < gone) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), childrenOf(victim.pid()), "the watchdog stops every child of a SIGKILLed sweep");

        CliConventionsTest.Outcome next = runHere("run", file.toString(), "--results", results.toString());
        if (statsWereOff) {
            // kernel.bpf_stats_enabled was switched on and never restored: the next run says so and how to fix it
            assertEquals(ExitCodes.FAILURE, next.code(), next.out());
            assertTrue(next.out().contains("host changes of a sweep that died were never undone"), next.out());
            // The refused run had started compiling its probes as soon as it held the lock: the refusal stops them.
            assertTrue(childrenOf(ProcessHandle.current().pid()).stream().noneMatch(m -> m.command().equals("bpftrace")),
                    childrenOf(ProcessHandle.current().pid()).toString());
            String command = next.out().substring(next.out().indexOf("uringlab restore ") + "uringlab restore ".length()).strip();
            assertEquals(0, runHere("restore", command).code());
            assertEquals("0", Files.readString(STATS).strip());
            next = runHere("run", file.toString(), "--results", results.toString());
        }
        assertEquals(0, next.code(), next.out());
        assertTrue(next.out().contains("done: "), next.out());
    }

    @Test
    void markedProcessesOfADeadSweepAreStoppedByTheNextRun(@TempDir Path dir) throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        ProcessBuilder b = new ProcessBuilder("sleep", "600");
        b.environment().put(SweepMarker.NAME, dead.pid() + ":12345");
        Process orphan = b.start();
        try {
            CliConventionsTest.Outcome run = runHere("run", experiment(dir, 1, false).toString(), "--results", dir.resolve("results").toString());
            assertEquals(0, run.code(), run.out());
            assertTrue(run.out().contains("found what an earlier sweep left: sleep (pid " + orphan.pid() + ") left by uringlab pid "
                    + dead.pid() + ", which died: stopped"), run.out());
            assertTrue(orphan.waitFor(5, TimeUnit.SECONDS));
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aMarkerIsOnEveryChildAndNamesThisJvm() throws Exception {
        List<String> env = new ArrayList<>();
        Path out = Files.createTempFile("env", ".txt");
        try {
            dev.uringlab.orchestrator.process.ChildProcess c = dev.uringlab.orchestrator.process.ChildProcess.start(
                    "env", List.of("env"), out, Path.of("/dev/null"), null);
            c.waitFor(java.time.Duration.ofSeconds(5));
            c.close();
            try (Stream<String> lines = Files.lines(out)) {
                lines.filter(l -> l.startsWith(SweepMarker.NAME + "=")).forEach(env::add);
            }
        } finally {
            Files.delete(out);
        }
        assertEquals(List.of(SweepMarker.NAME + "=" + SweepMarker.self()), env);
        assertTrue(SweepMarker.ownerAlive(SweepMarker.self()));
    }
}
