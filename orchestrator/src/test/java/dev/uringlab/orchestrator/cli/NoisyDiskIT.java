package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real run beside an undeclared neighbour writing to the same disk with direct I/O (what
 * writeback of a build or a backup looks like to the device): the neighbour costs little CPU, so
 * only the disk meter can see it. Its bytes show in host_disk_mb and host_other_disk_pct and the
 * run is labelled in the progress output, runs.csv and the report. Only the loud side is
 * asserted: how quiet the quiet side is depends on whoever shares the machine.
 */
class NoisyDiskIT {

    @BeforeAll
    static void prerequisites() {
        Prerequisites.requireTool("fio");
    }

    @Test
    void aNeighbourWritingToTheSameDiskLabelsTheRunNoisyDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, """
                experiments:
                  - name: it-noisy-disk
                    target: {kind: scratch, path: %s, size: 64m}
                    workload: {kind: fio, engine: io_uring, rw: randread, bs: 4k, iodepth: 1, runtime: 2}
                """.formatted(dir.resolve("scratch.dat")));
        // 16 MiB per direct write loop, beside the scratch file: on the same device, never in the page cache.
        Process neighbour = new ProcessBuilder("sh", "-c", "while :; do dd if=/dev/zero of='" + dir.resolve("neighbour.dat")
                + "' bs=1M count=16 oflag=direct 2>/dev/null; done").start();
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            Thread.sleep(300);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.execute("run", file.toString(), "--results", dir.resolve("results").toString(),
                    "--noisy-above", "30");
        } finally {
            System.setOut(oldOut);
            neighbour.destroyForcibly();
            neighbour.waitFor();
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("warning: noisy disk: the workload's disk moved ")
                && printed.contains("(above 30%, see run --noisy-above): other I/O queued on the same device"), printed);
        List<Map<String, String>> rows = SweepIT.readCsv(dir.resolve("results/it-noisy-disk/runs.csv"));
        double disk = Double.parseDouble(rows.get(0).get("host_disk_mb"));
        double other = Double.parseDouble(rows.get(0).get("host_other_disk_pct"));
        double own = Double.parseDouble(rows.get(0).get("bw_mb_s")) * Double.parseDouble(rows.get(0).get("runtime_s"));
        assertTrue(other > 30, "host_other_disk_pct " + other + " of a run beside a direct-I/O writer");
        assertEquals(own * (1 + other / 100), disk, disk * 1e-3, "host_disk_mb is the workload's bytes plus the others'");
        assertTrue(rows.get(0).get("warnings").contains("noisy disk: "), rows.toString());
        assertTrue(Files.readString(dir.resolve("results/it-noisy-disk/report.html")).contains("1 of 1 runs shared their disk with other I/O"));
    }
}
