package dev.uringlab.orchestrator.noise;

import dev.uringlab.orchestrator.host.HostFs;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Bytes the workload's disk moved while one run's workload did its I/O (the probe window's barrier
 * points when the run has an I/O window, else the workload process), from /proc/diskstats (sectors
 * read plus sectors written, in the kernel's 512-byte units whatever the device's sector size),
 * for comparison with what the workload itself moved. The CPU meter cannot see this kind of
 * neighbour: writeback of a freshly built jar, a log rotation or a backup costs the host almost
 * no CPU but queues on the same device. Measured on the lab VM: fio QD 1 4 KiB random reads fell
 * from 17.6k to 14.9k IOPS while dd wrote 100 MB beside it, and the disk completed only 36
 * requests more than fio issued (large writes), so bytes, not requests, are what is compared.
 *
 * <p>The disk is the one the planner resolved for the target ({@code vda}, {@code nvme0n1}; several
 * joined with '+'); a name missing from /proc/diskstats gives no reading.
 */
public final class DiskIoMeter {

    static final double SECTOR_BYTES = 512;

    private final HostFs fs;
    private final List<String> disks;
    private long startSectors;
    private long endSectors = -1;

    private DiskIoMeter(HostFs fs, List<String> disks) {
        this.fs = fs;
        this.disks = List.copyOf(disks);
        this.startSectors = read();
    }

    /** The opening reading, right before the workload's I/O; {@code disk} as the target topology names it. */
    public static DiskIoMeter start(HostFs fs, String disk) {
        return new DiskIoMeter(fs, disk == null ? List.of() : List.of(disk.split("\\+")));
    }

    /** The opening reading again, where the workload says its I/O starts (the probe window's barrier). */
    public void open() {
        startSectors = read();
    }

    /** The closing reading where the workload says its I/O ended; {@link #stop} then keeps it. */
    public void close() {
        endSectors = read();
    }

    /** The closing reading once the workload process has been reaped, unless the I/O window already closed the meter. */
    public void stop() {
        if (endSectors < 0) {
            close();
        }
    }

    /** Megabytes (10^6 bytes) the disk read and wrote during the window; empty without both readings. */
    public OptionalDouble diskMb() {
        if (startSectors < 0 || endSectors < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, endSectors - startSectors) * SECTOR_BYTES / 1e6);
    }

    private long read() {
        return sectors(fs.read("/proc/diskstats").orElse(""), disks);
    }

    /** Sectors read plus written by every named disk; -1 when one of them is not listed (or none is named). */
    static long sectors(String diskstats, List<String> disks) {
        if (disks.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (String disk : disks) {
            long found = -1;
            for (String line : diskstats.split("\n")) {
                String[] f = line.trim().split("\\s+");
                // major minor name reads merged sectors_read ms writes merged sectors_written ...
                if (f.length >= 10 && f[2].equals(disk)) {
                    found = Long.parseLong(f[5]) + Long.parseLong(f[9]);
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            total += found;
        }
        return total;
    }
}
