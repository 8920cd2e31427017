package dev.uringlab.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe window around fio's I/O, for real (fio 3.33, both backends, shared and per-run
 * sessions). The set-up signature is the ring itself: fio creates its ring (io_uring_create,
 * counted by ring_flags) in its engine's post_init, before exec_prerun. Between the run's I/O-window
 * dumps no ring is created, while the process window (where ring_flags stays) sees one per job.
 * If the window opened before the ring was set up, the I/O window would count it and this fails.
 * With two jobs only the process-window count is checked: the window opens at the first job's
 * exec_prerun, and the other job's set-up may by then still be running.
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
        // {per-run session?, numjobs}: one job for the strict signature in both modes, two for first-open/last-close
        for (int[] mode : new int[][] {{0, 1}, {1, 1}, {0, 2}}) {
            boolean perRun = mode[0] == 1;
            int jobs = mode[1];
            Path file = experiment(dir, backend, jobs, 8);
            Path results = dir.resolve((perRun ? "per-run-" : "shared-") + jobs);
            String[] args = perRun
                    ? new String[] {"run", file.toString(), "--results", results.toString(), "--probes-per-run"}
                    : new String[] {"run", file.toString(), "--results", results.toString()};
            String where = backend + (perRun ? " --probes-per-run" : " shared") + ", numjobs " + jobs;
            assertEquals(0, Main.execute(args), where);
            Map<String, String> row = SweepIT.readCsv(results.resolve("window/runs.csv")).get(0);
            where += ": " + row;
            assertEquals("ok", row.get("status"), where);
            assertEquals(1.0, Double.parseDouble(row.get("probe_window_io")), where);
            assertFalse(row.get("warnings").contains("probe window"), "every job closed the window: " + where);
            double window = Double.parseDouble(row.get("probe_window_s"));
            double workload = Double.parseDouble(row.get("workload_s"));
            assertTrue(window > 0.9 && window < workload, "window " + window + " s within the workload's " + workload + " s: " + where);

            Path runDir = onlyRunDir(results.resolve("window/runs"));
            assertEquals(jobs, ourRings(runDir), "every job's ring, counted over the process window: " + where);
            if (jobs == 1) {
                Map<String, Long> opening = maps(runDir.resolve(DumpWindow.OPENING)).getOrDefault("@ring_flags", Map.of());
                Map<String, Long> closing = maps(runDir.resolve(DumpWindow.CLOSING)).getOrDefault("@ring_flags", Map.of());
                assertEquals(1L, opening.getOrDefault(OUR_RING, 0L), "the ring existed before the window opened: " + where);
                assertEquals(opening.get(OUR_RING), closing.get(OUR_RING), "no ring of ours was created inside the I/O window: " + where);
            }
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

    /**
     * Probe cost over the window the counts cover. local_timer increments its map once per program
     * run, so the BPF run count between the cost meter's readings (bpf_local_timer_events) equals the
     * count between the window's dumps when both cover the same interval. fio's startdelay keeps its
     * process alive a second before its I/O: a meter still reading around the process would count
     * about twice the window's ticks, and this fails. ring_flags, a set-up probe, keeps the process
     * window for its counts and its cost figures alike.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bpftrace", "bcc"})
    void probeCostIsReadOverTheIoWindow(String backend, @TempDir Path dir) throws Exception {
        Prerequisites.requireTool("bpftool");
        Path file = dir.resolve("cost.yaml");
        Files.writeString(file, """
                defaults:
                  target: {kind: scratch, path: %s, size: 64m}
                experiments:
                  - name: window
                    workload: {kind: fio, rw: randread, iodepth: 1, runtime: 1, extra: {startdelay: 1}}
                    cpus: "0"
                    backend: %s
                    probes: [local_timer, ring_flags]
                """.formatted(dir.resolve("scratch.dat"), backend));
        Path results = dir.resolve("r");
        assertEquals(0, Main.execute("run", file.toString(), "--results", results.toString()));
        Map<String, String> row = SweepIT.readCsv(results.resolve("window/runs.csv")).get(0);
        assertEquals(1.0, Double.parseDouble(row.get("probe_window_io")), row.toString());
        double window = Double.parseDouble(row.get("probe_window_s"));
        double workload = Double.parseDouble(row.get("workload_s"));
        assertTrue(workload - window > 0.9, "startdelay keeps a second outside the window: " + row);
        double counted = Double.parseDouble(row.get("local_timer"));
        double ran = Double.parseDouble(row.get("bpf_local_timer_events"));
        System.out.printf("%s: local_timer %.0f in the window, %.0f BPF runs between the cost readings; window %.3f s of %.3f s%n",
                backend, counted, ran, window, workload);
        assertTrue(counted > 100, row.toString());
        assertEquals(counted, ran, 0.1 * counted, "BPF runs over the counts' window, not fio's process (" + backend + "): " + row);
        assertTrue(row.containsKey("host_other_cpu_pct"), row.toString());
        // ring_flags counts over the process (fio's ring is set up before the window): its cost figures too
        assertTrue(Double.parseDouble(row.get("ring_flags")) >= 1, row.toString());
        assertTrue(Double.parseDouble(row.get("bpf_ring_flags_events")) >= 1, "not the I/O window's zero: " + row);
        assertTrue(Double.parseDouble(row.get("bpf_ring_flags_ns_per_event")) > 0, row.toString());
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

    /**
     * The ring flags fio's SQPOLL job with a pinned SQ thread gets (SQPOLL|SQ_AFF|CQSIZE = 14): other
     * io_uring users on a shared host (12552 is fio's default ring) cannot pass for this run's rings.
     */
    private static final String OUR_RING = "14";

    /** This run's rings as run.json has them: ring_flags counted over the whole fio process. */
    private static long ourRings(Path runDir) throws IOException {
        JsonNode counts = new ObjectMapper().readTree(runDir.resolve("run.json").toFile()).path("probe_counts");
        return counts.path("ring_flags").path(OUR_RING).asLong(0);
    }

    private static Path experiment(Path dir, String backend, int numjobs, int iodepth) throws IOException {
        Path file = dir.resolve("window.yaml");
        Files.writeString(file, """
                defaults:
                  target: {kind: scratch, path: %s, size: 64m}
                experiments:
                  - name: window
                    workload: {kind: fio, rw: randread, iodepth: %d, numjobs: %d, runtime: 1,
                               sqthread_poll: true, sqthread_poll_cpu: 1}
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
