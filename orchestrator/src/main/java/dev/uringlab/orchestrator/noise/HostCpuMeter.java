package dev.uringlab.orchestrator.noise;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.process.SweepMarker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * CPU time the host spent on other work while one run's workload ran: the busy time of every CPU
 * from /proc/stat (user + nice + system) minus what is ours, read from per-process accounting:
 * this uringlab's own threads, the children it reaped in the window (the workload, with every
 * process it forked and reaped: the kernel adds a reaped child's times to its parent's cutime and
 * cstime), its live children's trees that carry its sweep marker (the workload while it still
 * runs, when the window is its I/O window), and live process trees that belong to the run (the probe process, declared background
 * load). Per-process accounting is used rather than a cgroup because it needs no cgroup v2, no
 * probe_scope: workload and no root, and covers the workload's whole process tree exactly.
 *
 * <p>Interrupt and softirq time (the irq and softirq columns) is left out of both sides: it is
 * largely the completions of the workload's own I/O, and no process is charged with it. Steal
 * time (another guest on the hypervisor) is not other work on this host and is left out too.
 * The result is in percent of one CPU, like top's %CPU: a busy-looping hog anywhere on the host
 * shows as about 100 whatever the number of CPUs.
 */
public final class HostCpuMeter {

    /** USER_HZ, the unit of /proc/stat and /proc/PID/stat times: 100 on every Linux architecture uringlab runs on. */
    static final double TICK_NS = 1e9 / 100;

    private final HostFs fs;
    private final long self;
    private final List<Long> ours;
    private volatile long startNs;
    private volatile Reading start;
    private volatile Reading end;
    private volatile long endNs;

    /** Busy ticks of the whole host; ticks of our processes: self with reaped children, and each live tree. */
    record Reading(long hostBusy, long oursTicks) {
    }

    private HostCpuMeter(HostFs fs, long self, List<Long> ours) {
        this.fs = fs;
        this.self = self;
        this.ours = List.copyOf(ours);
        this.start = read();
        this.startNs = System.nanoTime();
    }

    /** The opening reading, right before the workload starts; {@code ours} are the roots of the run's other process trees. */
    public static HostCpuMeter start(HostFs fs, List<Long> ours) {
        return new HostCpuMeter(fs, ProcessHandle.current().pid(), ours);
    }

    /** For tests: a given "self" process instead of this JVM. */
    static HostCpuMeter start(HostFs fs, long self, List<Long> ours) {
        return new HostCpuMeter(fs, self, ours);
    }

    /**
     * The opening reading again, where the workload says its I/O begins: from then on the meter covers
     * the run's I/O window, the interval its probe counts and fio's own CPU figures cover.
     */
    public void open() {
        start = read();
        startNs = System.nanoTime();
    }

    /** The closing reading where the workload says its I/O ended; {@link #stop} then keeps it. */
    public void close() {
        endNs = System.nanoTime();
        end = read();
    }

    /** The closing reading, once the workload process has been reaped, unless the I/O window already closed the meter. */
    public void stop() {
        if (end == null) {
            close();
        }
    }

    /** Other work's CPU time during the window, in percent of one CPU; empty before {@link #stop} or without /proc/stat. */
    public OptionalDouble otherCpuPct() {
        return otherCpuPct(start, end, (endNs - startNs) / 1e9);
    }

    /** The two readings in use, for tests. */
    Reading[] window() {
        return new Reading[] {start, end};
    }

    static OptionalDouble otherCpuPct(Reading start, Reading end, double seconds) {
        if (end == null || start.hostBusy() < 0 || end.hostBusy() < 0 || seconds <= 0) {
            return OptionalDouble.empty();
        }
        long other = (end.hostBusy() - start.hostBusy()) - (end.oursTicks() - start.oursTicks());
        return OptionalDouble.of(Math.max(0, other) * TICK_NS / (seconds * 1e9) * 100);
    }

    Reading read() {
        long busy = hostBusy(fs.read("/proc/stat").orElse(""));
        long mine = 0;
        Set<Long> counted = new HashSet<>();
        // Walked through /proc/PID/task/TID/children: the run's few processes, not a scan of all of /proc.
        // This uringlab's live children that it started as a sweep's (a workload still running inside
        // its I/O window) are ours too; a process the same JVM started otherwise (a test's neighbour) is not.
        List<Long> tree = new ArrayList<>(List.of(self));
        tree.addAll(ours);
        for (int i = 0; i < tree.size(); i++) {
            long pid = tree.get(i);
            long[] t = counted.add(pid) ? stat(pid) : null;
            if (t == null) {
                continue;
            }
            // Its reaped children too: a child counted live at the start and reaped since moves into cutime.
            mine += t[1] + t[2] + t[3] + t[4];
            for (String tid : tasks(pid)) {
                for (String child : fs.read("/proc/" + pid + "/task/" + tid + "/children").orElse("").trim().split("\\s+")) {
                    if (!child.isEmpty() && (pid != self || marked(child))) {
                        tree.add(Long.parseLong(child));
                    }
                }
            }
        }
        return new Reading(busy, mine);
    }

    /** Started by this uringlab as a sweep's child: its environment carries this uringlab's {@link SweepMarker}. */
    private boolean marked(String pid) {
        return SweepMarker.markerOf(fs.path("/proc/" + pid)).map(SweepMarker.self()::equals).orElse(false);
    }

    private List<String> tasks(long pid) {
        try {
            return fs.list("/proc/" + pid + "/task");
        } catch (java.io.UncheckedIOException e) {
            return List.of(); // exited while being read
        }
    }

    private long[] stat(long pid) {
        return fs.read("/proc/" + pid + "/stat").map(HostCpuMeter::times).orElse(null);
    }

    /** user + nice + system of the aggregate "cpu" line; -1 when there is none. */
    static long hostBusy(String procStat) {
        for (String line : procStat.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]);
            }
        }
        return -1;
    }

    /** {ppid, utime, stime, cutime, cstime} from /proc/PID/stat; the name may hold spaces and parentheses. */
    static long[] times(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] f = stat.substring(close + 2).trim().split(" ");
        if (f.length < 15) {
            return null;
        }
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
    }

}
