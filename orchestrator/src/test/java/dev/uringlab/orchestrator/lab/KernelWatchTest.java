package dev.uringlab.orchestrator.lab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watchdog against real guest consoles: console-6.1.0-56-amd64-oops-then-lockups.log is the
 * start of the console of the LabIT guest that hung a CI run (Debian 6.1.0-56 under TCG: an oops in
 * task_work_add while kprobes were attached, then RCU stalls and soft lockups on every vCPU for
 * 20 minutes). Host time is replayed from the kernel's own timestamps.
 */
class KernelWatchTest {

    private static final Pattern STAMP = Pattern.compile("^\\[\\s*(\\d+\\.\\d+)\\]");
    private static final Duration GRACE = KernelWatch.DEFAULT_GRACE;

    @Test
    void theHungCiGuestIsStoppedAtItsOopsTheMomentItIsPrinted() throws IOException {
        KernelWatch watch = new KernelWatch(GRACE);
        List<String> lines = lines("console-6.1.0-56-amd64-oops-then-lockups.log");
        Optional<KernelWatch.Verdict> verdict = Optional.empty();
        double at = 0;
        for (String line : lines) {
            at = stamp(line).orElse(at);
            watch.line(line, nanos(at));
            verdict = watch.verdict(nanos(at));
            if (verdict.isPresent()) {
                break;
            }
        }
        assertTrue(verdict.isPresent());
        assertEquals(KernelWatch.Kind.OOPS, verdict.get().first().kind());
        assertEquals("BUG: kernel NULL pointer dereference, address: 0000000000000000", verdict.get().first().line());
        assertEquals(50.328093, at, 1e-6, "stopped at the oops' first line, not at a later stall");
    }

    /** The same guest's stalls without its oops: what a lockup that does not start with one looks like. */
    @Test
    void itsStallsAloneEndTheGuestAfterTheGraceNotAtTheFirstReport() throws IOException {
        List<String> lines = lines("console-6.1.0-56-amd64-oops-then-lockups.log");
        int firstStall = indexOf(lines, "rcu: INFO: rcu_preempt self-detected stall on CPU");
        KernelWatch watch = new KernelWatch(GRACE);
        double at = 0;
        double firstAt = -1;
        Optional<KernelWatch.Verdict> verdict = Optional.empty();
        int announced = 0;
        for (String line : lines.subList(firstStall, lines.size())) {
            at = stamp(line).orElse(at);
            if (watch.line(line, nanos(at)).isPresent()) {
                announced++;
                firstAt = at;
            }
            verdict = watch.verdict(nanos(at));
            if (verdict.isPresent()) {
                break;
            }
        }
        assertEquals(1, announced, "one episode, announced once");
        assertEquals(71.509572, firstAt, 1e-6);
        assertTrue(verdict.isPresent(), "the lockup must end the guest");
        assertEquals("rcu: INFO: rcu_preempt self-detected stall on CPU", verdict.get().first().line());
        assertEquals(160.778602, at, 1e-6, "at the first report of more than 90 s stuck: " + verdict.get());
        assertTrue(verdict.get().reason().contains("reported a soft lockup and says it has been stuck 104 s"),
                verdict.get().reason());
    }

    @Test
    void aStallThatIsNotReportedAgainPassesAndIsForgotten() {
        KernelWatch watch = new KernelWatch(GRACE);
        String line = "[   76.778549] watchdog: BUG: soft lockup - CPU#0 stuck for 26s! [bpftrace:358]";
        assertTrue(watch.line(line, 0).isPresent());
        assertTrue(watch.watching().isPresent());
        assertTrue(watch.verdict(GRACE.toNanos() - 1).isEmpty());
        assertTrue(watch.verdict(GRACE.toNanos()).isEmpty(), "no report for the grace: starvation, not a lockup");
        assertTrue(watch.watching().isEmpty());
        // A later, separate stall starts a new episode with a fresh grace.
        assertTrue(watch.line(line, 2 * GRACE.toNanos()).isPresent());
        assertTrue(watch.verdict(2 * GRACE.toNanos() + 1).isEmpty());
    }

    @Test
    void aStallStillReportedAfterTheGraceEndsTheGuestEvenWithShortStuckTimes() {
        KernelWatch watch = new KernelWatch(GRACE);
        long step = Duration.ofSeconds(25).toNanos();
        String stall = "[  134.538250] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:";
        for (int i = 0; i * step < GRACE.toNanos(); i++) {
            watch.line(stall, i * step);
            assertTrue(watch.verdict(i * step).isEmpty(), "report " + i);
        }
        watch.line(stall, 4 * step);
        Optional<KernelWatch.Verdict> v = watch.verdict(4 * step);
        assertTrue(v.isPresent());
        assertTrue(v.get().reason().startsWith("the guest kernel reported an RCU stall and was still reporting stalls 100 s later"),
                v.get().reason());
    }

    @Test
    void panicAndHungTaskAndHardLockupAreRecognised() {
        assertEquals(KernelWatch.Kind.PANIC, kind("[   12.000001] Kernel panic - not syncing: sysrq triggered crash"));
        assertEquals(KernelWatch.Kind.HUNG_TASK, kind("[  243.121212] INFO: task kworker/u8:2:57 blocked for more than 120 seconds."));
        assertEquals(KernelWatch.Kind.HARD_LOCKUP, kind("[   99.1] watchdog: Watchdog detected hard LOCKUP on cpu 1"));
        assertEquals(KernelWatch.Kind.SOFT_LOCKUP, kind("watchdog: BUG: soft lockup - CPU#0 stuck for 1017s! [bpftrace:358]"));
        assertEquals(KernelWatch.Kind.RCU_STALL, kind("[  197.589516] rcu: INFO: rcu_preempt self-detected stall on CPU"));
        assertEquals(KernelWatch.Kind.RCU_STALL, kind("rcu: INFO: rcu_sched self-detected stall on CPU"));
        KernelWatch watch = new KernelWatch(GRACE);
        watch.line("[  243.121212] INFO: task kworker/u8:2:57 blocked for more than 120 seconds.", 0);
        assertTrue(watch.verdict(0).isPresent(), "blocked 120 s is already past the grace");
        KernelWatch w2 = new KernelWatch(GRACE);
        w2.line("watchdog: BUG: soft lockup - CPU#0 stuck for 1017s! [bpftrace:358]", 0);
        assertTrue(w2.verdict(0).get().reason().contains("stuck 1017 s"), "the hang line of the CI run");
    }

    /** dmesg (every level) of a healthy thesis-in-small guest, recorded with uringlab lab exec -- dmesg. */
    @Test
    void noLineOfAHealthyGuestsBootIsASignature() throws IOException {
        List<String> lines = lines("dmesg-6.1.0-56-amd64-healthy-boot.log");
        assertTrue(lines.size() > 400, "the whole boot: " + lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("rcu: Preemptible hierarchical RCU implementation.")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("NMI watchdog: Perf NMI watchdog permanently disabled")));
        for (String line : lines) {
            assertTrue(KernelWatch.match(line).isEmpty(), line);
        }
    }

    @Test
    void ordinaryKernelAndCommandLinesAreNotSignatures() {
        for (String line : List.of("URINGLAB-LAB-READY 4.52", "checks: probes rc=0 9.21 s",
                "[    0.061234] rcu: Hierarchical RCU implementation.",
                "[    0.061240] rcu: \tRCU restricting CPUs from NR_CPUS=8192 to nr_cpu_ids=4.",
                "[    0.212345] NMI watchdog: Perf NMI watchdog permanently disabled",
                "[   51.000000] WARNING: CPU: 1 PID: 300 at kernel/kprobes.c:1234 arm_kprobe+0x1/0x2",
                "[    1.520000] hung_task_timeout_secs is 120", "BUG_ON is a macro", "Oopsie")) {
            assertTrue(KernelWatch.match(line).isEmpty(), line);
        }
    }

    private static KernelWatch.Kind kind(String line) {
        return KernelWatch.match(line).orElseThrow(() -> new AssertionError("no signature in: " + line)).kind();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("not in the log: " + text);
    }

    private static Optional<Double> stamp(String line) {
        Matcher m = STAMP.matcher(line);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = KernelWatchTest.class.getResourceAsStream("/lab/" + resource)) {
            assertFalse(in == null, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
