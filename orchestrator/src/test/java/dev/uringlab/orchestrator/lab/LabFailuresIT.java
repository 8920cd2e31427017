package dev.uringlab.orchestrator.lab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ways `uringlab lab` must fail cleanly, each run as the user would: a separate uringlab
 * process (so PATH, Ctrl-C and kill -9 are real), and no QEMU left behind by any of them.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES) // each test bounds itself much lower; this only guards CI's 90 min
class LabFailuresIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void prerequisites() {
        LabPrerequisites.require();
    }

    @Test
    void noQemuIsOneLineAndExitThree() throws Exception {
        Result r = run(Map.of("PATH", dir.toString()), "lab", "exec", "--results", dir.toString(), "--", "true");
        assertEquals(3, r.code, r.output);
        assertTrue(r.output.contains("uringlab: qemu-system-x86_64 not found: the lab guest needs QEMU (install it: "
                + "scripts/install-lab.sh"), r.output);
    }

    @Test
    void noAptMeansNoKernelPackageAndExitThree() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("qemu-system-x86_64"), Path.of("/usr/bin/qemu-system-x86_64"));
        Result r = run(Map.of("PATH", bin.toString()), "lab", "exec", "--results", dir.toString(), "--", "true");
        assertEquals(3, r.code, r.output);
        assertTrue(r.output.contains("uringlab: apt-cache not found: the lab guest's kernel comes from Debian's "
                + "linux-image-amd64 package"), r.output);
    }

    @Test
    void mistakesInTheExperimentOrTopologyFileCostNoBoot() throws Exception {
        Path experiment = dir.resolve("x.yaml");
        Files.writeString(experiment, "experiments:\n  - name: x\n    workload: {kind: fio, iodeph: 4}\n");
        Result r = run(Map.of(), "lab", "run", "--results", dir.toString(), experiment.toString());
        assertEquals(2, r.code, r.output);
        assertTrue(r.output.contains(experiment + ":3:27: unknown key 'iodeph'"), r.output);
        Path topology = dir.resolve("t.yaml");
        Files.writeString(topology, "cpus: 4\nmemory: 2g\nnvme: [{queue_pairs: 0, size: 1g}]\n");
        r = run(Map.of(), "lab", "exec", "--topology", topology.toString(), "--results", dir.toString(), "--", "true");
        assertEquals(2, r.code, r.output);
        assertTrue(r.output.contains("uringlab: " + topology + ":3:22: nvme[0].queue_pairs: expected a whole number 1-64, "
                + "got '0'"), r.output);
        assertFalse(r.output.contains("lab: accelerator"), "no guest for a bad file:\n" + r.output);
    }

    @Test
    void bootTimeoutShowsTheConsoleTail() throws Exception {
        Result r = run(Map.of(), "lab", "exec", "--accel", "tcg", "--boot-timeout", "3", "--results", dir.toString(),
                "--", "true");
        assertEquals(1, r.code, r.output);
        assertTrue(r.output.contains("uringlab: the guest did not boot within 3 s (raise --boot-timeout on a slow or busy "
                + "host); the guest was stopped during boot ("), r.output);
        assertTrue(r.output.contains("; kernel log tail: "), r.output);
        assertNoGuestOf(dir);
    }

    /** A real panic (sysrq c): the guest ends at once, reported in one line with the kernel's own words. */
    @Test
    void aPanickingGuestKernelIsOneLineExitOneAndNothingLeft() throws Exception {
        long t0 = System.nanoTime();
        Result r = run(Map.of(), "lab", "exec", "--accel", "tcg", "--results", dir.toString(), "--", "sh", "-c",
                "echo crashing; echo c > /proc/sysrq-trigger; sleep 600");
        System.out.printf("LabFailuresIT: panic reported %.1f s after start%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(1, r.code, r.output);
        List<String> errors = r.output.lines().filter(l -> l.startsWith("uringlab: ")).toList();
        assertEquals(1, errors.size(), r.output);
        String error = errors.get(0);
        assertTrue(error.startsWith("uringlab: the guest kernel panicked: 'Kernel panic - not syncing: sysrq triggered crash' "
                + "(first seen "), error);
        assertTrue(error.contains("; the guest was stopped while its command ran ("), error);
        assertTrue(error.contains("crashing (full console: "), "the console tail ends with the command's output: " + error);
        assertTrue(error.matches(".*\\(full console: " + java.util.regex.Pattern.quote(dir.toString())
                + "/\\.lab/[^ ]+/console\\.log, kernel log: [^ ]+/kernel\\.log\\)$"), error);
        Path kernelLog = Path.of(error.replaceAll(".*kernel log: ([^ ]+)\\)$", "$1"));
        assertTrue(Files.readString(kernelLog).contains("Kernel panic - not syncing: sysrq triggered crash"), "kept log");
        assertNoGuestOf(dir);
    }

    /** A command that never ends (nor prints) is stopped by --guest-timeout, never waited on. */
    @Test
    void aCommandRunningPastTheGuestTimeoutIsStoppedAndReported() throws Exception {
        long t0 = System.nanoTime();
        Result r = run(Map.of(), "lab", "exec", "--accel", "tcg", "--guest-timeout", "10", "--results", dir.toString(),
                "--", "sh", "-c", "echo started; sleep 600");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("LabFailuresIT: --guest-timeout 10 ended lab exec after %.1f s%n", seconds);
        assertEquals(1, r.code, r.output);
        assertTrue(r.output.contains("lab: the guest is stopped if its command runs longer than 10 s (--guest-timeout)"),
                r.output);
        assertTrue(r.output.contains("uringlab: the guest's command did not finish within 10 s (--guest-timeout; raise it "
                + "for a longer workload); the guest was stopped while its command ran ("), r.output);
        assertTrue(r.output.contains("started (full console: "), r.output);
        assertTrue(seconds < 300, "stopped, not waited on: " + seconds + " s");
        assertNoGuestOf(dir);
    }

    @Test
    void aGuestKilledMidRunKeepsWhatItWrote() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Process p = start(Map.of(), "lab", "exec", "--accel", "tcg", "--results", results.toString(), "--", "sh", "-c",
                "echo partial > " + results.resolve("partial.txt") + "; sleep 600");
        ProcessHandle qemu = qemuOf(p);
        waitFor(() -> Files.isRegularFile(results.resolve("partial.txt")), 300);
        qemu.destroyForcibly();
        String output = finish(p);
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("uringlab: the guest stopped before the command finished (killed, or it crashed)"),
                output);
        assertEquals("partial\n", Files.readString(results.resolve("partial.txt")));
    }

    @Test
    void ctrlCStopsTheGuest() throws Exception {
        Process p = start(Map.of(), "lab", "exec", "--accel", "tcg", "--results", dir.toString(), "--", "sleep", "600");
        ProcessHandle qemu = qemuOf(p);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        try {
            // A JVM started with SIGINT ignored (a background job of a non-interactive shell) never sees it.
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "uringlab did not stop on SIGINT (was SIGINT ignored by "
                    + "the shell that started the tests?)");
            waitFor(() -> !qemu.isAlive(), 20);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void killNineOfUringlabTakesTheGuestWithIt() throws Exception {
        Process p = start(Map.of(), "lab", "exec", "--accel", "tcg", "--results", dir.toString(), "--", "sleep", "600");
        ProcessHandle qemu = qemuOf(p);
        p.destroyForcibly();
        p.waitFor(20, TimeUnit.SECONDS);
        // No shutdown hook runs on SIGKILL: the parent-death signal set by setpriv does it.
        waitFor(() -> !qemu.isAlive(), 20);
    }

    /** No QEMU of a guest writing to {@code results} is left anywhere on the host. */
    private static void assertNoGuestOf(Path results) {
        List<String> left = ProcessHandle.allProcesses().filter(h -> h.info().command().orElse("").contains("qemu-system")
                && String.join(" ", h.info().arguments().orElse(new String[0])).contains("path=" + results))
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("")).toList();
        assertEquals(List.of(), left, "QEMU left running");
    }

    private record Result(int code, String output) {
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        Process p = start(env, args);
        String out = finish(p);
        return new Result(p.exitValue(), out);
    }

    private Process start(Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(GuestJava.javaBinary(), "-cp", GuestJava.classPath(), GuestJava.MAIN));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(dir.resolve("uringlab.out").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private String finish(Process p) throws Exception {
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "uringlab lab did not end");
        return Files.readString(dir.resolve("uringlab.out"), StandardCharsets.UTF_8);
    }

    /** The QEMU under this uringlab process (once it has started one). */
    private static ProcessHandle qemuOf(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> q = p.descendants().filter(h -> h.info().command().orElse("")
                    .endsWith(File.separator + "qemu-system-x86_64") && h.info().arguments().map(a -> List.of(a)
                    .contains("uringlab-lab")).orElse(false)).findFirst();
            if (q.isPresent()) {
                return q.get();
            }
            assertTrue(p.isAlive(), "uringlab ended before starting a guest");
            Thread.sleep(100);
        }
        throw new AssertionError("no QEMU started");
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition c, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!c.holds()) {
            assertFalse(System.nanoTime() > deadline, "condition not met within " + seconds + " s");
            Thread.sleep(100);
        }
    }
}
