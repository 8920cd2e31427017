package dev.uringlab.orchestrator.probe;

import dev.uringlab.analysis.parse.BpftraceJsonException;
import dev.uringlab.analysis.parse.BpftraceJsonParser;
import dev.uringlab.analysis.parse.BpftraceMaps;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One probe tool (bpftrace, or the BCC runner) for all the runs of an experiment: compiled and
 * attached once (about half a second saved per run), read with SIGUSR1, on which both print
 * every map and keep counting. A run's counts are its closing dump minus its opening one.
 *
 * <p>Which output is the answer to which SIGUSR1: on every SIGUSR1 the tool first prints a line
 * {@code uringlab-dump-signal <sender pid>} (bpftrace from a {@code signal:signal_generate} probe,
 * the BCC runner from the signal's siginfo), then its maps, then the map {@link #END_MAP}. A dump
 * is the maps after the line naming <em>this</em> signal's sender (our signaller, not someone
 * else's kill), up to the next end marker; a tool that let a signal time out is stopped, so its
 * late dump is never taken for a later signal's. The end marker
 * is last because both tools print maps in name order; a map printed twice in one dump, or after an
 * end marker, means they did not, and is refused. bpftrace 0.17 also needs the printf to notice the
 * signal promptly: its poll loop goes back to a 100 ms epoll_wait after EINTR, and only the printf's
 * perf event ends that wait, so a dump takes a few ms instead of about 100.
 */
public final class SharedProbeProcess implements AutoCloseable {

    static final String END_MAP = "@zzzz_uringlab_dump_end";
    static final String SELF_MAP = "@uringlab_self";
    static final String SIGNALLED = "uringlab-dump-signal ";
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(10);
    private static final int STDERR_LINES = 3;
    private static final Pattern MAP_NAME = Pattern.compile("\\{\"type\": \"(?:map|hist)\", \"data\": \\{\"(@[^\"]+)\"");

    private final String tool;
    private final ProbeProcess process;
    private final ChildProcess child;
    private final Path ndjson;
    private final String identity;
    /** Byte offset just past the last dump read; what the tool prints after it must not be a map. */
    private long lastEnd = -1;

    private SharedProbeProcess(String tool, ProbeProcess process, ChildProcess child, Path ndjson, String identity) {
        this.tool = tool;
        this.process = process;
        this.child = child;
        this.ndjson = ndjson;
        this.identity = identity;
    }

    /**
     * Waits until {@code attached} accepts the tool's output. {@code identity} is what the tool
     * counts (its program, or its command line): a run asking for another one needs a new process.
     */
    static SharedProbeProcess attach(String tool, ChildProcess child, Path ndjson, String identity, Duration timeout,
                                     Predicate<String> attached) throws ToolException {
        ProbeProcess process = new ProbeProcess(tool, child, ndjson);
        process.awaitAttached(timeout, attached);
        return new SharedProbeProcess(tool, process, child, ndjson, identity);
    }

    /** The bpftrace statements, for BEGIN, that make every dump end with the sentinel map and let the wake probe find this bpftrace. */
    static String beginStatements() {
        return END_MAP + " = 1; " + SELF_MAP + " = pid;";
    }

    /** The bpftrace probe, appended to the program, that marks each SIGUSR1 with its sender (and wakes the poll loop). */
    static String wakeProbe() {
        return "\n// uringlab: names the sender of each SIGUSR1 to this bpftrace before its dump, and wakes its poll loop\n"
                + "tracepoint:signal:signal_generate /args->sig == 10 && args->pid == " + SELF_MAP + "/\n{\n"
                + "  printf(\"" + SIGNALLED + "%d\\n\", pid);\n}\n";
    }

    public String identity() {
        return identity;
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    public long pid() {
        return child.pid();
    }

    /**
     * One run's session: the opening dump now (unless {@code openNow} is false: the run's counts all
     * come from {@link ProbeSession#dump}s of an I/O window), the closing one at {@link ProbeSession#stop};
     * both are kept in {@code runDir} as {@code <tool>.opening.ndjson} and {@code <tool>.closing.ndjson}.
     * Without an opening dump, stop costs no dump and returns no maps.
     */
    ProbeSession runSession(Path runDir, boolean openNow) throws ToolException {
        BpftraceMaps opening = openNow ? dump(runDir.resolve(tool + ".opening.ndjson")) : null;
        return new RunSession() {
            @Override
            public BpftraceMaps stop() throws ToolException {
                if (opening == null) {
                    return new BpftraceMaps(Map.of());
                }
                return difference(dump(runDir.resolve(tool + ".closing.ndjson")), opening);
            }

            @Override
            public void close() {
                // the probes stay attached for the experiment's next run
            }
        };
    }

    /**
     * A session of its own for one run (--probes-per-run, probe_scope: workload) that still answers
     * SIGUSR1, so an I/O window can be cut out of it: counting starts at attach, {@link ProbeSession#stop}
     * takes a last dump ({@code <tool>.closing.ndjson}), and {@link ProbeSession#close} stops the tool.
     */
    ProbeSession ownSession(Path runDir) {
        return new RunSession() {
            @Override
            public BpftraceMaps stop() throws ToolException {
                return dump(runDir.resolve(tool + ".closing.ndjson"));
            }

            @Override
            public void close() {
                SharedProbeProcess.this.close();
            }
        };
    }

    /** A run's view of this process: it dumps on demand; how it stops is the subclass's. */
    private abstract class RunSession implements ProbeSession {
        @Override
        public long pid() {
            return SharedProbeProcess.this.pid();
        }

        @Override
        public boolean dumps() {
            return true;
        }

        @Override
        public BpftraceMaps dump(Path raw) throws ToolException {
            return SharedProbeProcess.this.dump(raw);
        }
    }

    /** {@code closing} minus {@code opening}, or a one-line error naming this tool. */
    private BpftraceMaps difference(BpftraceMaps closing, BpftraceMaps opening) throws ToolException {
        try {
            return closing.minus(opening);
        } catch (IllegalArgumentException e) {
            throw new ToolException(tool + " (pid " + pid() + "): " + e.getMessage(), e);
        }
    }

    /** Every map as it stands now; {@code raw} receives the dump's lines as the tool printed them. */
    synchronized BpftraceMaps dump(Path raw) throws ToolException {
        if (!child.isAlive()) {
            throw new ToolException(tool + " (pid " + child.pid() + ", shared by the experiment's runs) is gone: "
                    + child.stderrTail(STDERR_LINES));
        }
        long from = size();
        if (lastEnd >= 0) {
            // Maps right after the end marker, before any other signal's wake line, belong to no dump.
            String gap = readFrom(lastEnd);
            gap = gap.substring(0, (int) Math.min(gap.length(), Math.max(0, from - lastEnd)));
            int otherDump = gap.indexOf(SIGNALLED);
            refuseMaps(otherDump < 0 ? gap : gap.substring(0, otherDump), "after the end of");
        }
        lastEnd = -1; // until this dump is read, what follows the previous one may be a late dump
        long sender = child.signal("USR1");
        long deadline = System.nanoTime() + DUMP_TIMEOUT.toNanos();
        while (true) {
            String text = readFrom(from);
            int start = afterWakeLine(text, sender);
            int end = start < 0 ? -1 : text.indexOf("\"" + END_MAP + "\"", start);
            int newline = end < 0 ? -1 : text.indexOf('\n', end);
            if (newline >= 0) {
                String dump = text.substring(start, newline + 1);
                refuseRepeatedMaps(dump);
                lastEnd = from + text.substring(0, newline + 1).getBytes(StandardCharsets.UTF_8).length;
                try {
                    if (raw != null) {
                        Files.createDirectories(raw.getParent());
                        Files.writeString(raw, dump, StandardCharsets.UTF_8);
                    }
                    Map<String, Map<String, Long>> maps = new LinkedHashMap<>(BpftraceJsonParser.parse(dump).maps());
                    maps.remove(END_MAP);
                    maps.remove(SELF_MAP);
                    return new BpftraceMaps(maps);
                } catch (BpftraceJsonException e) {
                    throw new ToolException(tool + ": " + e.getMessage() + " in the dump at byte " + from + " of "
                            + ndjson, e);
                } catch (IOException e) {
                    throw new ToolException(tool + ": cannot write " + raw + ": " + e.getMessage(), e);
                }
            }
            if (!child.isAlive() || System.nanoTime() > deadline) {
                boolean exited = !child.isAlive();
                // Every signal comes from the same sender, so a late answer to this one would pass
                // for the next one's: a tool that does not answer is not asked again.
                child.stop(Duration.ofSeconds(2));
                throw new ToolException(tool + " did not print its maps on SIGUSR1 within " + DUMP_TIMEOUT.toSeconds()
                        + " s" + (exited ? " (it exited)" : " (stopped; the next run starts a new one)") + ": "
                        + child.stderrTail(STDERR_LINES));
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToolException(tool + ": interrupted while reading its maps", e);
            }
        }
    }

    /**
     * Where the dump answering the signal {@code sender} sent begins: just after the line naming
     * that sender (any such line when the sender is unknown); -1 while there is none yet.
     */
    static int afterWakeLine(String text, long sender) {
        int at = 0;
        while (true) {
            int line = text.indexOf(SIGNALLED, at);
            if (line < 0) {
                return -1;
            }
            int newline = text.indexOf('\n', line);
            if (newline < 0) {
                return -1;
            }
            String named = text.substring(line + SIGNALLED.length(), newline).replace("\\n\"}", "").strip();
            if (sender < 0 || named.equals(Long.toString(sender))) {
                return newline + 1;
            }
            at = newline + 1;
        }
    }

    /** A map printed twice in one dump: the tool printed some map after the end marker. */
    private void refuseRepeatedMaps(String dump) throws ToolException {
        Set<String> seen = new HashSet<>();
        Matcher m = MAP_NAME.matcher(dump);
        while (m.find()) {
            if (!seen.add(m.group(1))) {
                throw notInNameOrder(m.group(1) + " twice in one dump");
            }
        }
    }

    private void refuseMaps(String text, String where) throws ToolException {
        Matcher m = MAP_NAME.matcher(text);
        if (m.find()) {
            throw notInNameOrder(m.group(1) + " printed " + where + " its SIGUSR1 dump");
        }
    }

    private ToolException notInNameOrder(String what) {
        return new ToolException(tool + " printed " + what + " (" + ndjson + "): this version does not print maps in"
                + " name order, so one process cannot serve several runs: rerun with uringlab run --probes-per-run");
    }

    private long size() {
        try {
            return Files.exists(ndjson) ? Files.size(ndjson) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String readFrom(long offset) {
        try (RandomAccessFile f = new RandomAccessFile(ndjson.toFile(), "r")) {
            long length = f.length();
            if (length <= offset) {
                return "";
            }
            byte[] bytes = new byte[Math.toIntExact(length - offset)];
            f.seek(offset);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The experiment is over and its maps were read run by run, so nothing the tool would print on
     * SIGINT is wanted: a tool attached to tracepoints only is killed at once (bpftrace's exit went
     * from 0.79 to 0.70 s, the rest being the kernel detaching), the others get SIGINT first, since
     * on kernels without the kprobe PMU a killed tool leaves its kprobe_events entries behind.
     */
    @Override
    public void close() {
        if (!KPROBE_OR_UPROBE.matcher(identity).find()) {
            child.kill(Duration.ofSeconds(10));
        }
        process.close();
    }

    private static final Pattern KPROBE_OR_UPROBE = Pattern.compile("(?i)kprobe|kretprobe|uprobe|uretprobe|usdt|kfunc|fentry");
}
