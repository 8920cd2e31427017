package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.process.ChildProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows a running guest until its command's exit line: the first serial port (its /init and
 * command, echoed to {@code out}) and the second (the kernel's messages, watched by
 * {@link KernelWatch}). It never waits forever: a boot bound, a bound on the command's run time,
 * and the kernel watchdog each stop the guest and end in a one-line {@link LabException}.
 */
final class Follower {

    private final ChildProcess qemu;
    private final Path consoleFile;
    private final Path kernelFile;
    private final Path qemuLog;
    private final Guest.Limits limits;
    private final PrintStream out;
    private final long start;
    private final KernelWatch watch;

    private boolean ready;
    private long readyAt;
    private Integer exitCode;
    private Optional<KernelWatch.Signature> watched = Optional.empty();

    Follower(ChildProcess qemu, Path console, Path kernelLog, Path qemuLog, Guest.Limits limits, PrintStream out,
             long start) {
        this.qemu = qemu;
        this.consoleFile = console;
        this.kernelFile = kernelLog;
        this.qemuLog = qemuLog;
        this.limits = limits;
        this.out = out;
        this.start = start;
        this.watch = new KernelWatch(limits.stallGrace());
    }

    Guest.Outcome follow() throws IOException, InterruptedException, LabException {
        try (FileLines console = new FileLines(consoleFile); FileLines kernel = new FileLines(kernelFile)) {
            while (true) {
                boolean alive = qemu.isAlive();
                boolean any = consoleLines(console, !alive);
                any |= kernelLines(kernel, !alive);
                long now = System.nanoTime();
                Optional<KernelWatch.Verdict> verdict = watch.verdict(now);
                if (verdict.isPresent()) {
                    KernelWatch.Verdict v = verdict.get();
                    throw stopped(String.format(Locale.ROOT, "%s: '%s' (first seen %.1f s before it was stopped)", v.reason(),
                            v.first().line(), (now - v.firstSeenAt()) / 1e9), console, kernel);
                }
                Optional<KernelWatch.Signature> nowWatched = watch.watching();
                if (watched.isPresent() && nowWatched.isEmpty()) {
                    say("lab: the guest kernel's stall passed (not reported again for " + limits.stallGrace().toSeconds()
                            + " s): emulation starvation, most likely; timings around it are not to be trusted");
                }
                watched = nowWatched;
                if (exitCode != null) {
                    qemu.waitFor(Duration.ofSeconds(20));
                    return new Guest.Outcome(exitCode, (readyAt - start) / 1e9, (System.nanoTime() - start) / 1e9);
                }
                if (!alive) {
                    String why = ready ? "the guest stopped before the command finished (killed, or it crashed)"
                            : "the guest stopped before it finished booting";
                    throw LabException.failed(why + "; QEMU said: " + lastLine(qemuLog) + "; console tail: "
                            + console.tail(25) + "; kernel log tail: " + kernel.tail(5) + where());
                }
                if (!ready && now - start > limits.boot().toNanos()) {
                    throw stopped("the guest did not boot within " + limits.boot().toSeconds()
                            + " s (raise --boot-timeout on a slow or busy host)", console, kernel);
                }
                if (ready && !limits.run().isZero() && now - readyAt > limits.run().toNanos()) {
                    throw stopped("the guest's command did not finish within " + limits.run().toSeconds()
                            + " s (--guest-timeout; raise it for a longer workload)", console, kernel);
                }
                if (!any) {
                    Thread.sleep(50);
                }
            }
        }
    }

    private boolean consoleLines(FileLines console, boolean flush) throws IOException, LabException {
        boolean any = false;
        for (String line : console.read(flush)) {
            any = true;
            if (exitCode != null) {
                continue;
            }
            if (!ready) {
                console.remember(line);
                if (line.startsWith(Guest.EXIT)) {
                    throw LabException.failed("the guest's /init gave up before running the command; console tail: "
                            + console.tail(25) + where());
                }
                if (line.startsWith(Guest.READY)) {
                    ready = true;
                    readyAt = System.nanoTime();
                }
            } else if (line.startsWith(Guest.EXIT)) {
                exitCode = Integer.parseInt(line.substring(Guest.EXIT.length()).strip());
            } else {
                console.remember(line);
                out.println(line);
                out.flush();
            }
        }
        return any;
    }

    private boolean kernelLines(FileLines kernel, boolean flush) throws IOException {
        boolean any = false;
        for (String line : kernel.read(flush)) {
            any = true;
            kernel.remember(line);
            watch.line(line, System.nanoTime()).ifPresent(s -> say("lab: the guest kernel " + s.kind().what + ": '" + s.line() + "'; the guest is "
                    + "stopped if it is still stuck " + limits.stallGrace().toSeconds() + " s from now (under TCG a "
                    + "starved vCPU looks like this for a while)"));
        }
        return any;
    }

    /** Stops the guest now and says why, with the last lines of both ports and where the full logs are. */
    private LabException stopped(String why, FileLines console, FileLines kernel) {
        long t0 = System.nanoTime();
        Guest.stop(qemu);
        String phase = ready ? "while its command ran" : "during boot";
        return LabException.failed(String.format(Locale.ROOT, "%s; the guest was stopped %s (%.1f s after start, QEMU "
                        + "gone %.1f s later); kernel log tail: %s; console tail: %s%s", why, phase,
                (t0 - start) / 1e9, (System.nanoTime() - t0) / 1e9, kernel.tail(8), console.tail(5), where()));
    }

    private String where() {
        return " (full console: " + consoleFile + ", kernel log: " + kernelFile + ")";
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private static String lastLine(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(nothing)");
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
