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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One probe tool (bpftrace, or the BCC runner) for all the runs of an experiment: compiled and
 * attached once (about half a second saved per run), read with SIGUSR1, on which both print
 * every map and keep counting. A run's counts are its closing dump minus its opening one.
 *
 * <p>A dump has no end marker of its own. The BCC runner prints {@link #END_MAP} after every
 * dump; bpftrace gets it from a BEGIN that sets that map, which sorts after every probe map, and
 * bpftrace 0.17 prints maps in name order. Maps that have not fired are not printed.
 */
public final class SharedProbeProcess implements AutoCloseable {

    static final String END_MAP = "@zzzz_uringlab_dump_end";
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(10);
    private static final int STDERR_LINES = 3;

    private final String tool;
    private final ProbeProcess process;
    private final ChildProcess child;
    private final Path ndjson;
    private final String identity;

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

    /** The bpftrace statement, for BEGIN, that makes every dump end with the sentinel map. */
    static String endMapSetter() {
        return END_MAP + " = 1;";
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
     * One run's session: the opening dump now, the closing one at {@link ProbeSession#stop}; both
     * are kept in {@code runDir} as {@code <tool>.opening.ndjson} and {@code <tool>.closing.ndjson}.
     */
    ProbeSession runSession(Path runDir) throws ToolException {
        BpftraceMaps opening = dump(runDir.resolve(tool + ".opening.ndjson"));
        return ProbeSession.of(pid(), () -> {
            BpftraceMaps closing = dump(runDir.resolve(tool + ".closing.ndjson"));
            try {
                return closing.minus(opening);
            } catch (IllegalArgumentException e) {
                throw new ToolException(tool + " (pid " + pid() + "): " + e.getMessage(), e);
            }
        }, () -> {
            // the probes stay attached for the experiment's next run
        });
    }

    /** Every map as it stands now; {@code raw} receives the dump's lines as the tool printed them. */
    synchronized BpftraceMaps dump(Path raw) throws ToolException {
        if (!child.isAlive()) {
            throw new ToolException(tool + " (pid " + child.pid() + ", shared by the experiment's runs) is gone: "
                    + child.stderrTail(STDERR_LINES));
        }
        long from = size();
        child.signal("USR1");
        long deadline = System.nanoTime() + DUMP_TIMEOUT.toNanos();
        while (true) {
            String text = readFrom(from);
            int end = text.indexOf("\"" + END_MAP + "\"");
            if (end >= 0 && text.indexOf('\n', end) >= 0) {
                String dump = text.substring(0, text.indexOf('\n', end) + 1);
                checkNothingFollows(from + dump.getBytes(StandardCharsets.UTF_8).length);
                try {
                    if (raw != null) {
                        Files.createDirectories(raw.getParent());
                        Files.writeString(raw, dump, StandardCharsets.UTF_8);
                    }
                    Map<String, Map<String, Long>> maps = new LinkedHashMap<>(BpftraceJsonParser.parse(dump).maps());
                    maps.remove(END_MAP);
                    return new BpftraceMaps(maps);
                } catch (BpftraceJsonException e) {
                    throw new ToolException(tool + ": " + e.getMessage() + " in the dump at byte " + from + " of "
                            + ndjson, e);
                } catch (IOException e) {
                    throw new ToolException(tool + ": cannot write " + raw + ": " + e.getMessage(), e);
                }
            }
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new ToolException(tool + " did not print its maps on SIGUSR1 within " + DUMP_TIMEOUT.toSeconds()
                        + " s" + (child.isAlive() ? "" : " (it exited)") + ": " + child.stderrTail(STDERR_LINES));
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToolException(tool + ": interrupted while reading its maps", e);
            }
        }
    }

    /**
     * The end marker is last only because the tool prints maps in name order. Maps printed after it
     * would be missing from this dump and counted in the next, so a dump is only taken once the
     * output stayed quiet for {@link #QUIET} after the marker, and refused if a map came late.
     */
    private void checkNothingFollows(long dumpEnd) throws ToolException {
        try {
            Thread.sleep(QUIET.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(tool + ": interrupted while reading its maps", e);
        }
        String late = readFrom(dumpEnd);
        if (late.contains("\"type\": \"map\"") || late.contains("\"type\": \"hist\"")) {
            throw new ToolException(tool + " printed maps after the end of its SIGUSR1 dump (" + ndjson + "): this version"
                    + " does not print maps in name order, so one process cannot serve several runs: rerun with"
                    + " uringlab run --probes-per-run");
        }
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

    /** SIGINT, then harder signals: the experiment is over, its maps were read run by run. */
    @Override
    public void close() {
        process.close();
    }
}
