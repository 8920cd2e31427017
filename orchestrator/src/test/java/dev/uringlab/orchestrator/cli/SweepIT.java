package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.host.BlockDeviceLocator;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.host.DeviceIrq;
import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.testing.HostCapability;
import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole spine for real: the CLI runs a two-run sweep of real fio with real bpftrace probes
 * on this machine's disk, pinned to the IRQ CPU and a non-IRQ CPU, and a second invocation
 * resumes (skips) instead of rerunning.
 */
public class SweepIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
        Prerequisites.requireTool("bpftrace");
        Prerequisites.requireRoot();
        Prerequisites.require(Files.exists(Path.of("/sys/kernel/tracing/events")),
                "tracefs not mounted at /sys/kernel/tracing (make test mounts it)");
    }

    static String experiment(Path dir, int runtime) {
        return experiment(dir, runtime, "cpus: [irq, non-irq]");
    }

    /** The sweep's one axis is given: Ctrl-C tests need two runs on any host, not two CPU placements. */
    static String experiment(Path dir, int runtime, String axis) {
        return """
                experiments:
                  - name: it-sweep
                    target: {kind: scratch, path: %s, size: 64m}
                    workload: {kind: fio, engine: io_uring, rw: randread, bs: 4k, iodepth: 16, runtime: %d}
                    sweep:
                      %s
                    probes: [irq_per_cpu, ipi_by_callsite, io_uring_enter, wake_up_state]
                """.formatted(dir.resolve("scratch.dat"), runtime, axis);
    }

    public static List<Map<String, String>> readCsv(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = cells(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            assertEquals(header.size(), cells.size(), "ragged row: " + line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180 cells of one line (uringlab's errors and variants never contain newlines). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /**
     * CPUs free of the disk's interrupts: every one but the IRQ CPU on the lab VMs seen so far, none on a host
     * whose disk has one queue (and IRQ) per CPU. Read from /proc, not from the product.
     */
    static SortedSet<Integer> nonIrqCpus(Path dir) throws Exception {
        BlockDeviceLocator locator = new BlockDeviceLocator(HostFs.real());
        SortedSet<Integer> free = new TreeSet<>(locator.onlineCpus());
        for (String disk : locator.disksForPath(dir.toString())) {
            for (DeviceIrq irq : locator.irqsOf(disk)) {
                free.removeAll(CpuList.parse(Files.readString(Path.of("/proc/irq/" + irq.irq() + "/effective_affinity_list")).strip()));
            }
        }
        return free;
    }

    @Test
    void probedPinnedSweepWritesOneRowPerRunAndResumes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("it.yaml");
        Files.writeString(file, experiment(dir, 2));
        Path results = dir.resolve("results");
        SortedSet<Integer> nonIrq = nonIrqCpus(dir);
        HostCapability.either("a CPU free of the disk's interrupts (" + CpuList.format(nonIrq) + ")", !nonIrq.isEmpty(),
                () -> sweepsAndResumes(file, results),
                () -> {
                    CliErrorsTest.Outcome refused = CliErrorsTest.run("run", file.toString(), "--results", results.toString());
                    assertEquals(ExitCodes.USAGE, refused.code(), refused.err());
                    assertTrue(refused.err().contains("so no CPU is free of them"), refused.err());
                    assertFalse(Files.exists(results.resolve("it-sweep/runs.csv")), "nothing ran");
                });
    }

    private static void sweepsAndResumes(Path file, Path results) throws Exception {
        assertEquals(0, Main.execute("run", file.toString(), "--results", results.toString()));

        Path exp = results.resolve("it-sweep");
        assertTrue(Files.exists(exp.resolve("manifest.json")));
        List<Map<String, String>> rows = readCsv(exp.resolve("runs.csv"));
        assertEquals(2, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals("ok", row.get("status"), row.toString());
            assertTrue(Double.parseDouble(row.get("iops")) > 0, row.toString());
            assertTrue(!row.get("cpus_resolved").isEmpty(), row.toString());
            assertTrue(Long.parseLong(row.get("irq_per_cpu")) > 0, "device IRQs counted: " + row);
            assertTrue(Long.parseLong(row.get("io_uring_enter")) > 0, row.toString());
            assertEquals("tracepoint", row.get("irq_per_cpu_variant"));
            assertTrue(row.get("wake_up_state_variant").startsWith("unavailable: ")
                    || row.get("wake_up_state_variant").equals("kprobe"), row.toString());
            Path runDir = exp.resolve("runs").resolve(row.get("run_id"));
            // One bpftrace for the experiment: each run keeps the two dumps its counts are the difference of,
            // taken around fio's I/O (no set-up probe here, so no dumps around its whole process).
            assertEquals(1.0, Double.parseDouble(row.get("probe_window_io")), row.toString());
            for (String f : List.of("run.json", "fio.json", "probes.io-opening.ndjson", "probes.io-closing.ndjson",
                    "fio.stderr", "interrupts.before", "interrupts.after", "probes.bt")) {
                assertTrue(Files.exists(runDir.resolve(f)), runDir.resolve(f) + " missing");
            }
        }
        assertTrue(Files.exists(exp.resolve("bpftrace-session/bpftrace.stderr")), "the shared bpftrace's files");
        // Stopped in the background while the report renders, but gone before `run` returns.
        java.util.regex.Matcher self = java.util.regex.Pattern.compile("\"@uringlab_self\": (\\d+)")
                .matcher(Files.readString(exp.resolve("bpftrace-session/bpftrace.ndjson")));
        assertTrue(self.find(), "the shared bpftrace's dumps name it");
        long shared = Long.parseLong(self.group(1));
        assertTrue(ProcessHandle.of(shared).map(h -> !h.isAlive()).orElse(true), "bpftrace " + shared + " outlived the sweep");
        Map<String, String> nonIrq = rows.stream().filter(r -> r.get("cpus").equals("non-irq")).findFirst().orElseThrow();
        // ipi:ipi_send_cpu exists since 6.6; an older kernel must say so instead of counting nothing.
        HostCapability.either("ipi:ipi_send_cpu", !nonIrq.get("ipi_by_callsite_variant").startsWith("unavailable"),
                () -> assertTrue(Long.parseLong(nonIrq.get("ipi_by_callsite")) > 0, "IPIs on the non-irq CPU: " + nonIrq),
                () -> assertTrue(nonIrq.get("ipi_by_callsite_variant").length() > "unavailable: ".length(), nonIrq.toString()));

        Path firstRun = exp.resolve("runs").resolve(rows.get(0).get("run_id")).resolve("run.json");
        FileTime before = Files.getLastModifiedTime(firstRun);
        assertEquals(0, Main.execute("run", file.toString(), "--results", results.toString()));
        assertEquals(before, Files.getLastModifiedTime(firstRun), "a finished run is skipped, not redone");
        assertEquals(2, readCsv(exp.resolve("runs.csv")).size());
    }

    @Test
    void probesPerRunGivesEveryRunItsOwnBpftrace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("it.yaml");
        Files.writeString(file, experiment(dir, 1, "cpus: [irq, all]"));
        Path results = dir.resolve("results");
        assertEquals(0, Main.execute("run", file.toString(), "--results", results.toString(), "--probes-per-run"));
        Path exp = results.resolve("it-sweep");
        assertTrue(!Files.exists(exp.resolve("bpftrace-session")), "no shared bpftrace");
        for (Map<String, String> row : readCsv(exp.resolve("runs.csv"))) {
            assertEquals("ok", row.get("status"), row.toString());
            assertTrue(Long.parseLong(row.get("irq_per_cpu")) > 0, row.toString());
            assertTrue(Files.exists(exp.resolve("runs").resolve(row.get("run_id")).resolve("bpftrace.ndjson")));
        }
    }
}
