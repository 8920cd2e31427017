package dev.uringlab.orchestrator.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides from the guest kernel's own messages when a guest is beyond saving, so a wedged guest
 * is stopped and reported instead of waited on. A panic or an oops ends the guest at once: the
 * kernel has killed a task in the middle of kernel code (locks it held stay held) and nothing
 * measured after it is to be trusted. A soft lockup, an RCU stall or a hung task can also be
 * emulation starvation (under TCG the host did not run a vCPU thread for the detector's 20 s);
 * such a stall passes and is not reported again, while a real one is re-reported every detector
 * period with a growing "stuck for". So a stall gets {@link #grace}: it is fatal once the kernel
 * says it has been stuck that long, or it is still being reported that long after the first
 * report. One that is not reported again for {@code grace} is forgotten (and was announced).
 */
final class KernelWatch {

    /** Three soft-lockup periods (~26 s each under TCG): host starvation of a vCPU lasting that long is not plausible. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(90);

    enum Kind {
        PANIC("panicked", true),
        OOPS("oopsed (a kernel BUG or fault inside kernel code)", true),
        SOFT_LOCKUP("reported a soft lockup", false),
        HARD_LOCKUP("reported a hard lockup", false),
        RCU_STALL("reported an RCU stall", false),
        HUNG_TASK("reported a task blocked for minutes (hung_task)", false);

        final String what;
        final boolean fatal;

        Kind(String what, boolean fatal) {
            this.what = what;
            this.fatal = fatal;
        }
    }

    /** One kernel line that names a signature; {@code line} is as printed, without the timestamp. */
    record Signature(Kind kind, String line) {
    }

    /** Why the guest must be stopped: the first signature of the episode, when it was seen, and what made it fatal. */
    record Verdict(Signature first, long firstSeenAt, String reason) {
    }

    private record Rule(Kind kind, Pattern pattern) {
    }

    // Order matters: "BUG: soft lockup" must not be taken for an oops's "BUG:".
    private static final List<Rule> RULES = List.of(
            new Rule(Kind.PANIC, Pattern.compile("Kernel panic - not syncing")),
            new Rule(Kind.SOFT_LOCKUP, Pattern.compile("BUG: soft lockup - CPU#\\d+ stuck for (\\d+)s")),
            new Rule(Kind.HARD_LOCKUP, Pattern.compile("(?i)hard LOCKUP")),
            new Rule(Kind.RCU_STALL, Pattern.compile("rcu: INFO: \\w+ (self-detected stall|detected stalls|detected expedited stalls)")),
            new Rule(Kind.HUNG_TASK, Pattern.compile("INFO: task .+ blocked for more than (\\d+) seconds")),
            new Rule(Kind.OOPS, Pattern.compile("BUG: (kernel NULL pointer dereference|unable to handle|Bad page|scheduling while atomic)"
                    + "|^Oops: |kernel BUG at |general protection fault")));

    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\]\\s*");

    private final Duration grace;
    private Signature firstStall;
    private long firstStallAt;
    private long lastStallAt;
    private Verdict verdict;

    KernelWatch(Duration grace) {
        this.grace = grace;
    }

    /** The signature a kernel console line carries, if any. */
    static Optional<Signature> match(String rawLine) {
        String line = TIMESTAMP.matcher(rawLine.strip()).replaceFirst("");
        for (Rule r : RULES) {
            if (r.pattern.matcher(line).find()) {
                return Optional.of(new Signature(r.kind, line));
            }
        }
        return Optional.empty();
    }

    /**
     * Feeds one kernel line seen at {@code nowNanos} (System.nanoTime); returns a signature that
     * starts a stall episode, so the caller can say that one is being watched.
     */
    Optional<Signature> line(String rawLine, long nowNanos) {
        Optional<Signature> s = match(rawLine);
        if (s.isEmpty() || verdict != null) {
            return Optional.empty();
        }
        Signature sig = s.get();
        if (sig.kind().fatal) {
            verdict = new Verdict(sig, nowNanos, "the guest kernel " + sig.kind().what);
            return Optional.empty();
        }
        expire(nowNanos);
        boolean starts = firstStall == null;
        if (starts) {
            firstStall = sig;
            firstStallAt = nowNanos;
        }
        lastStallAt = nowNanos;
        long stuck = stuckSeconds(sig);
        if (stuck >= grace.toSeconds()) {
            verdict = new Verdict(firstStall, firstStallAt, "the guest kernel " + sig.kind().what + " and says it has been stuck "
                    + stuck + " s (more than the " + grace.toSeconds() + " s a stall from emulation starvation is given)");
        } else if (nowNanos - firstStallAt >= grace.toNanos()) {
            verdict = new Verdict(firstStall, firstStallAt, "the guest kernel " + firstStall.kind().what + " and was still reporting "
                    + "stalls " + (nowNanos - firstStallAt) / 1_000_000_000L + " s later (a stall from emulation "
                    + "starvation is given " + grace.toSeconds() + " s)");
        }
        return starts ? Optional.of(sig) : Optional.empty();
    }

    /** The verdict, once the guest is to be stopped. */
    Optional<Verdict> verdict(long nowNanos) {
        expire(nowNanos);
        return Optional.ofNullable(verdict);
    }

    /** The stall of the current episode, if one is being watched. */
    Optional<Signature> watching() {
        return Optional.ofNullable(firstStall);
    }

    /** A stall not reported again for {@code grace} has passed: starvation, not a lockup. */
    private void expire(long nowNanos) {
        if (firstStall != null && verdict == null && nowNanos - lastStallAt >= grace.toNanos()) {
            firstStall = null;
        }
    }

    /** "stuck for 104s" (soft lockup) or "blocked for more than 120 seconds" (hung task); 0 otherwise. */
    private static long stuckSeconds(Signature s) {
        if (s.kind() != Kind.SOFT_LOCKUP && s.kind() != Kind.HUNG_TASK) {
            return 0;
        }
        Matcher m = Pattern.compile("(\\d+)(s!| seconds)").matcher(s.line());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
