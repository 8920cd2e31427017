package dev.uringlab.orchestrator.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.report.NoisyDiskFinding;
import dev.uringlab.orchestrator.host.HostFs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskIoMeterTest {

    /** /proc/diskstats as this lab VM's kernel prints it (20 fields: discards and flushes after the classic 14). */
    private static String recorded() throws IOException {
        try (InputStream in = DiskIoMeterTest.class.getResourceAsStream("/noise/proc-diskstats-linux-6.18.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A server's: NVMe namespaces with partitions and a device-mapper volume, in the 14-field format of kernels before 4.18. */
    private static final String SERVER = """
             259       0 nvme0n1 1000 0 80000 10 2000 0 160000 20 0 30 30
             259       1 nvme0n1p1 900 0 72000 9 1900 0 152000 19 0 28 28
             259       2 nvme1n1 10 0 800 1 20 0 1600 2 0 3 3
             253       0 dm-0 5 0 40 1 6 0 48 1 0 2 2
            """;

    @Test
    void sectorsReadAndWrittenOfTheNamedDiskOnlyNotItsPartitions() throws Exception {
        String line = recorded().lines().filter(l -> l.trim().split("\\s+")[2].equals("vda")).findFirst().orElseThrow();
        String[] f = line.trim().split("\\s+");
        assertEquals(Long.parseLong(f[5]) + Long.parseLong(f[9]), DiskIoMeter.sectors(recorded(), List.of("vda")));
        assertEquals(80000 + 160000, DiskIoMeter.sectors(SERVER, List.of("nvme0n1")));
    }

    @Test
    void theIoWindowsReadingsWinOverTheProcesss(@TempDir Path root) throws Exception {
        Path stats = root.resolve("proc/diskstats");
        Files.createDirectories(stats.getParent());
        Files.writeString(stats, SERVER);
        DiskIoMeter meter = DiskIoMeter.start(new HostFs(root), "nvme0n1");
        Files.writeString(stats, SERVER.replace("nvme0n1 1000 0 80000", "nvme0n1 1000 0 90000")); // fio's set-up
        meter.open();
        Files.writeString(stats, SERVER.replace("nvme0n1 1000 0 80000", "nvme0n1 1000 0 110000")); // its I/O
        meter.close();
        Files.writeString(stats, SERVER.replace("nvme0n1 1000 0 80000", "nvme0n1 1000 0 150000")); // its exit
        meter.stop();
        assertEquals(20_000 * 512 / 1e6, meter.diskMb().getAsDouble(), 1e-9, "only what moved between open and close");
    }

    @Test
    void severalDisksAddUpAndAnUnknownOneGivesNoReading() {
        assertEquals(80000 + 160000 + 800 + 1600, DiskIoMeter.sectors(SERVER, List.of("nvme0n1", "nvme1n1")));
        assertEquals(-1, DiskIoMeter.sectors(SERVER, List.of("nvme0n1", "sdz")));
        assertEquals(-1, DiskIoMeter.sectors(SERVER, List.of()));
    }

    /** A meter on {@code disk} opened over {@link #SERVER} and closed over {@code after}. */
    private static DiskIoMeter measuredOver(Path root, String disk, String after) throws IOException {
        Path stats = root.resolve("proc/diskstats");
        Files.createDirectories(stats.getParent());
        Files.writeString(stats, SERVER);
        DiskIoMeter meter = DiskIoMeter.start(new HostFs(root), disk);
        assertTrue(meter.diskMb().isEmpty(), "no closing reading yet");
        Files.writeString(stats, after);
        meter.stop();
        return meter;
    }

    @Test
    void theMeterReportsBytesMovedBetweenItsReadings(@TempDir Path root) throws Exception {
        // 200,000 more sectors read on nvme0n1, 4,000 more written on nvme1n1
        DiskIoMeter meter = measuredOver(root, "nvme0n1+nvme1n1", SERVER.replace("nvme0n1 1000 0 80000", "nvme0n1 1000 0 280000")
                .replace("nvme1n1 10 0 800 1 20 0 1600", "nvme1n1 10 0 800 1 20 0 5600"));
        assertEquals(204_000 * 512 / 1e6, meter.diskMb().getAsDouble(), 1e-9);
    }

    @Test
    void otherIoIsWhatTheDiskMovedBeyondTheWorkloadsOwnBytesAndLabelsAboveTheThreshold(@TempDir Path root) throws Exception {
        // 300 MB moved on the disk, fio read 100 MB/s for 2 s: 100 MB beyond its own 200 MB, 50%
        DiskIoMeter meter = measuredOver(root, "nvme0n1",
                SERVER.replace("nvme0n1 1000 0 80000", "nvme0n1 1000 0 " + (80000 + 300_000_000L / 512)));
        Map<String, Double> m = NoisyDisk.addTo(meter, Map.of(Metrics.BW_MB_S, 100.0, Metrics.RUNTIME_S, 2.0));
        assertEquals(300.0, m.get(NoisyDiskFinding.DISK_MB), 0.01);
        assertEquals(50.0, m.get(NoisyDiskFinding.METRIC), 0.01);
        String warning = NoisyDisk.warning(m, 10).orElseThrow();
        assertTrue(warning.startsWith("noisy disk: the workload's disk moved 300 MB during the run, 50% more than the"
                + " workload's own 200 MB (above 10%"), warning);
        assertTrue(NoisyDisk.warning(m, 60).isEmpty(), "50% is below a 60% threshold");
    }

    @Test
    void withoutTheWorkloadsBytesOnlyTheDiskTotalIsKeptAndNothingIsLabelled(@TempDir Path root) throws Exception {
        DiskIoMeter meter = measuredOver(root, "nvme0n1", SERVER);
        Map<String, Double> m = NoisyDisk.addTo(meter, Map.of("ops_per_s", 5.0));
        assertEquals(0.0, m.get(NoisyDiskFinding.DISK_MB));
        assertTrue(!m.containsKey(NoisyDiskFinding.METRIC), m.toString());
        assertTrue(NoisyDisk.warning(m, 10).isEmpty());
        // A page-cache workload moved more than the disk did: other I/O is floored at zero, not negative.
        Map<String, Double> cached = NoisyDisk.addTo(meter, Map.of(Metrics.BW_MB_S, 500.0, Metrics.RUNTIME_S, 1.0));
        assertEquals(0.0, cached.get(NoisyDiskFinding.METRIC));
    }
}
