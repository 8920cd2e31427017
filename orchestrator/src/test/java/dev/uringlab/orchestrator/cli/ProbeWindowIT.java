package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.parse.BpftraceJsonParser;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.host.WorkloadCgroup;
import dev.uringlab.orchestrator.testing.HostCapability;
import dev.uringlab.orchestrator.testing.Prerequisites;
import dev.uringlab.orchestrator.workload.ringbench.RingbenchWorkload;
import dev.uringlab.orchestrator.window.DumpWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe window around fio's I/O, for real (fio 3.33, both backends, shared and per-run
 * sessions). The set-up signature is the ring itself: fio creates its rings (io_uring_create,
 * counted by ring_flags) in its engine's post_init, before exec_prerun. Between the run's I/O-window
 * dumps no ring is created, while the process window (where ring_flags stays) sees one per job.
 * If the window opened before the rings were set up, the I/O window would count them and this fails.
 */
class ProbeWindowIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bpftrace", "bcc"})
    void fiosRingSetUpIsOutsideTheIoWindow(String backend, @TempDir Path dir) throws Exception {
        Path file = experiment(dir, backend, 2, 8);
        for (boolean perRun : new boolean[] {false, true}) {
            Path results = dir.resolve(perRun ? "per-run" : "shared");
            String[] args = perRun
                    ? new String[] {"run", file.toString(), "--results", results.toString(), "--probes-per-run"}
                    : new String[] {"run", file.toString(), "--results", results.toString()};
            assertEquals(0, Main.execute(args), backend + (perRun ? " per run" : " shared"));
            Map<String, String> row = SweepIT.readCsv(results.resolve("window/runs.csv")).get(0);
            String where = backend + (perRun ? " --probes-per-run" : " shared") + ": " + row;
            assertEquals("ok", row.get("status"), where);
            assertEquals(1.0, Double.parseDouble(row.get("probe_window_io")), where);
            double window = Double.parseDouble(row.get("probe_window_s"));
            double workload = Double.parseDouble(row.get("workload_s"));
            assertTrue(window > 0.9 && window < workload, "window " + window + " s within the workload's " + workload + " s: " + where);
            assertEquals("2", row.get("ring_flags"), "both jobs' rings, counted over the process window: " + where);
            assertEquals(1.0, Double.parseDouble(row.get("fget_per_io")), 0.01, "one io_uring file lookup per I/O: " + where);

            Path runDir = onlyRunDir(results.resolve("window/runs"));
            Map<String, Map<String, Long>> opening = maps(runDir.resolve(DumpWindow.OPENING));
            Map<String, Map<String, Long>> closing = maps(runDir.resolve(DumpWindow.CLOSING));
            assertEquals(opening.getOrDefault("@ring_flags", Map.of()), closing.getOrDefault("@ring_flags", Map.of()),
                    "no ring was created inside the I/O window: " + where);
            assertTrue(closing.getOrDefault("@ring_flags", Map.of()).values().stream().mapToLong(Long::longValue).sum()
                    >= 2, "both rings existed before the window opened: " + where);
        }
    }

    /**
     * ringbench --barrier, stall mode: 50 single-SQE submissions, one io_uring_enter each. In the I/O
     * window exactly those are counted and no ring is created; the rings stay in ring_flags.
     */
    @Test
    void ringbenchsWindowHoldsExactlyItsSubmissions(@TempDir Path dir) throws Exception {
        Prerequisites.require(Files.isExecutable(RingbenchWorkload.locate()),
                "ringbench not built at " + RingbenchWorkload.locate() + " (make test builds it)");
        Path file = dir.resolve("rb.yaml");
        Files.writeString(file, """
                defaults:
                  target: {kind: scratch, path: %s, size: 64m}
                experiments:
                  - name: window
                    workload: {kind: ringbench, mode: stall, iterations: 50}
                    cpus: "0-1"
                    probe_scope: workload
                    probes: [ring_flags, io_uring_enter]
                """.formatted(dir.resolve("scratch.dat")));
        Path results = dir.resolve("r");
        HostCapability.either("cgroup v2", WorkloadCgroup.mount(HostFs.real()).isPresent(), () -> {
            assertEquals(0, Main.execute("run", file.toString(), "--results", results.toString()));
            Map<String, String> row = SweepIT.readCsv(results.resolve("window/runs.csv")).get(0);
            assertEquals(1.0, Double.parseDouble(row.get("probe_window_io")), row.toString());
            assertEquals("50", row.get("io_uring_enter"), "the workload's own enters, set-up and exit outside: " + row);
            assertTrue(Long.parseLong(row.get("ring_flags")) >= 1, row.toString());
            Path runDir = onlyRunDir(results.resolve("window/runs"));
            assertEquals(maps(runDir.resolve(DumpWindow.OPENING)).getOrDefault("@ring_flags", Map.of()),
                    maps(runDir.resolve(DumpWindow.CLOSING)).getOrDefault("@ring_flags", Map.of()));
        }, () -> assertEquals(ExitCodes.FAILURE, Main.execute("run", file.toString(), "--results", results.toString()),
                "probe_scope: workload without cgroup v2 is refused"));
    }

    /** fio fails setting up its ring (an SQ ring of 65536 entries is EINVAL), before exec_prerun: no hang, fio's error, no socket left. */
    @Test
    void fioFailingBeforeItsIoFailsTheRunWithFiosOwnError(@TempDir Path dir) throws Exception {
        Path file = experiment(dir, "bpftrace", 1, 65536);
        Set<Path> socketsBefore = barrierDirs();
        long t0 = System.nanoTime();
        assertEquals(ExitCodes.FAILURE, Main.execute("run", file.toString(), "--results", dir.resolve("r").toString()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 30, "took " + seconds + " s");
        Map<String, String> row = SweepIT.readCsv(dir.resolve("r/window/runs.csv")).get(0);
        assertEquals("failed", row.get("status"), row.toString());
        // fio's own words: io_uring_setup refused the ring (EINVAL), nothing about a window or a timeout
        assertTrue(row.get("error").startsWith("fio failed (exit 1)") && row.get("error").contains("error 22"), row.get("error"));
        Set<Path> left = barrierDirs();
        left.removeAll(socketsBefore);
        assertTrue(left.isEmpty(), "barrier sockets left behind: " + left);
    }

    private static Path experiment(Path dir, String backend, int numjobs, int iodepth) throws IOException {
        Path file = dir.resolve("window.yaml");
        Files.writeString(file, """
                defaults:
                  target: {kind: scratch, path: %s, size: 64m}
                experiments:
                  - name: window
                    workload: {kind: fio, rw: randread, iodepth: %d, numjobs: %d, runtime: 1}
                    cpus: "0"
                    backend: %s
                    probes: [ring_flags, fget, io_uring_enter]
                """.formatted(dir.resolve("scratch.dat"), iodepth, numjobs, backend));
        return file;
    }

    private static Path onlyRunDir(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    private static Map<String, Map<String, Long>> maps(Path dump) throws Exception {
        assertTrue(Files.exists(dump), dump + " missing: the I/O window was not taken");
        return BpftraceJsonParser.parse(Files.readString(dump)).maps();
    }

    private static Set<Path> barrierDirs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("uringlab-barrier-")).collect(Collectors.toSet());
        }
    }
}
