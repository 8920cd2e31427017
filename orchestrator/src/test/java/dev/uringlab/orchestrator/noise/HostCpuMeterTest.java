package dev.uringlab.orchestrator.noise;

import dev.uringlab.orchestrator.host.HostFs;
import dev.uringlab.orchestrator.process.SweepMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Other work's CPU time from /proc/stat minus per-process accounting, on /proc files shaped like this VM's. */
class HostCpuMeterTest {

    @TempDir
    Path root;

    /** /proc/stat of this VM (Linux 6.18.44, 2 CPUs), aggregate line with user, nice, system as given. */
    private void procStat(long user, long nice, long system) throws IOException {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/stat"), "cpu  " + user + " " + nice + " " + system
                + " 606875 100015 0 24087 1853 0 0\ncpu0 713497 0 104303 329643 41870 0 257 934 0 0\n"
                + "cpu1 693536 0 127155 277232 58145 0 23830 918 0 0\nintr 1 2 3\nctxt 12345\n");
    }

    /** A /proc/PID/stat line as the kernel writes it (this VM's `cat`), with the fields the meter reads set. */
    private void proc(long pid, String comm, long ppid, long utime, long stime, long cutime, long cstime)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve("proc/" + pid));
        Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") S " + ppid + " 31281 19322 0 -1 4194304 98 0 0 0 "
                + utime + " " + stime + " " + cutime + " " + cstime + " 20 0 1 0 1203745 3133440 362 18446744073709551615"
                + " 94048638898176 94048638918057 140734800809248 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 94048638934064"
                + " 94048638935680 94049142280192 140734800812769 140734800812789 140734800812789 140734800814059 0\n");
    }

    /** /proc/PID/task/TID/children: the children that thread forked, space-separated. */
    private void children(long pid, long tid, String kids) throws IOException {
        Path dir = Files.createDirectories(root.resolve("proc/" + pid + "/task/" + tid));
        Files.writeString(dir.resolve("children"), kids.isEmpty() ? "" : kids + " ");
    }

    private void environ(long pid, String env) throws IOException {
        Files.writeString(root.resolve("proc/" + pid + "/environ"), env);
    }

    @Test
    void otherWorkIsHostBusyTimeLessOursInPercentOfOneCpu() throws Exception {
        procStat(1_407_033, 0, 231_459);
        proc(100, "java", 1, 500, 100, 10, 20);        // uringlab
        proc(200, "bpftrace", 100, 30, 40, 0, 0);      // the probe process
        proc(201, "bpftrace (w)", 200, 0, 5, 0, 0);    // a child of it, forked by its second thread
        children(200, 200, "");
        children(200, 205, "201");
        children(300, 300, "");
        proc(300, "stress-ng", 1, 9_000, 0, 0, 0);     // a neighbour
        HostFs fs = new HostFs(root);
        HostCpuMeter meter = HostCpuMeter.start(fs, 100, List.of(200L));
        HostCpuMeter.Reading before = meter.read();

        // 2 s later: the host was busy 600 ticks (user 450, nice 20, system 130). Ours: the JVM 10 ticks,
        // the workload it reaped 290 (fio's 250 + its job's 40, all in cutime/cstime), the probe
        // process 15 and its child, reaped meanwhile, 5 more in the parent's cstime. Other: 600 - 320 = 280.
        procStat(1_407_033 + 450, 20, 231_459 + 130);
        proc(100, "java", 1, 508, 102, 10 + 200, 20 + 90);
        proc(200, "bpftrace", 100, 40, 45, 0, 10);
        Files.delete(root.resolve("proc/201/stat"));
        Files.delete(root.resolve("proc/201"));
        children(200, 205, "");
        proc(300, "stress-ng", 1, 9_280, 0, 0, 0);
        HostCpuMeter.Reading after = meter.read();

        assertEquals(600, after.hostBusy() - before.hostBusy());
        assertEquals(10 + 290 + 15 + 5, after.oursTicks() - before.oursTicks());
        assertEquals(140.0, HostCpuMeter.otherCpuPct(before, after, 2.0).getAsDouble(), 1e-9,
                "280 ticks (2.8 CPU-s) in 2 s: 1.4 CPUs");
    }

    /**
     * Over an I/O window the workload is still running at both readings: its CPU time is in its own
     * /proc/PID/stat, not yet in uringlab's cutime. It is found as a live child of uringlab.
     */
    @Test
    void aWorkloadStillRunningIsOursNotOtherWork() throws Exception {
        procStat(1_000, 0, 1_000);
        proc(100, "java", 1, 500, 100, 0, 0);
        children(100, 101, "400 500");                  // JVM threads forked fio and, outside any sweep, a busy loop
        proc(400, "fio", 100, 10, 5, 0, 0);
        environ(400, "PATH=/usr/bin\0" + SweepMarker.NAME + "=" + SweepMarker.self() + "\0");
        children(400, 400, "401");
        proc(401, "fio", 400, 50, 50, 0, 0);            // fio's job process
        proc(500, "sh", 100, 0, 0, 0, 0);
        environ(500, "PATH=/usr/bin\0");
        HostFs fs = new HostFs(root);
        HostCpuMeter meter = HostCpuMeter.start(fs, 100, List.of());
        HostCpuMeter.Reading before = meter.read();

        // 1 s of I/O: the host was busy 150 ticks: fio's job 100 (60 user, 40 system), the busy loop 50.
        procStat(1_110, 0, 1_040);
        proc(401, "fio", 400, 110, 90, 0, 0);
        proc(500, "sh", 100, 50, 0, 0, 0);
        HostCpuMeter.Reading after = meter.read();

        assertEquals(100, after.oursTicks() - before.oursTicks());
        assertEquals(50.0, HostCpuMeter.otherCpuPct(before, after, 1.0).getAsDouble(), 1e-9,
                "the unmarked child is a neighbour, not ours");
    }

    @Test
    void theIoWindowsReadingsAreKeptWhenTheProcessExits() throws Exception {
        procStat(1_000, 0, 1_000);
        proc(100, "java", 1, 500, 100, 0, 0);
        HostCpuMeter meter = HostCpuMeter.start(new HostFs(root), 100, List.of());
        procStat(1_100, 0, 1_000);                      // before the window: 100 ticks of other work, not counted
        meter.open();
        procStat(1_150, 0, 1_000);                      // in the window: 50 ticks of other work
        meter.close();
        procStat(1_400, 0, 1_000);                      // after it: 250 more, not counted
        meter.stop();
        assertEquals(2_100, meter.window()[0].hostBusy(), "the opening reading is the window's, not the process's");
        assertEquals(2_150, meter.window()[1].hostBusy(), "stop() after the window keeps the window's closing reading");
    }

    @Test
    void lessThanOursIsNoOtherWorkNotANegativeShare() {
        var before = new HostCpuMeter.Reading(1000, 100);
        var after = new HostCpuMeter.Reading(1100, 210); // tick sampling vs precise process times
        assertEquals(0.0, HostCpuMeter.otherCpuPct(before, after, 1.0).getAsDouble());
        assertTrue(HostCpuMeter.otherCpuPct(before, null, 1.0).isEmpty());
        assertTrue(HostCpuMeter.otherCpuPct(new HostCpuMeter.Reading(-1, 0), after, 1.0).isEmpty(), "no /proc/stat");
    }

    @Test
    void statTimesSurviveACommandNameWithSpacesAndParentheses() {
        assertArrayEquals(new long[] {31281, 7, 8, 9, 10}, HostCpuMeter.times("31284 (a b) (c)) R 31281 31281 19322 0 -1"
                + " 4194304 98 0 0 0 7 8 9 10 20 0 1 0 1203745"));
        assertEquals(1_407_033 + 231_459, HostCpuMeter.hostBusy("cpu  1407033 0 231459 606875 100015 0 24087 1853 0 0\n"));
    }

    @Test
    void aRunAboveTheThresholdIsLabelledNoisy() {
        assertEquals("noisy host: other processes used 97% of a CPU during the run (above 10%, see run --noisy-above):"
                + " system-wide probe counts include their events, and they competed with the workload",
                NoisyHost.warning(Map.of("host_other_cpu_pct", 97.4), 10).orElseThrow());
        assertTrue(NoisyHost.warning(Map.of("host_other_cpu_pct", 9.9), 10).isEmpty());
        assertTrue(NoisyHost.warning(Map.of("host_other_cpu_pct", 12.0), 12.5).isEmpty());
        assertTrue(NoisyHost.warning(Map.of("iops", 1.0), 10).isEmpty(), "not measured: no label");
    }
}
