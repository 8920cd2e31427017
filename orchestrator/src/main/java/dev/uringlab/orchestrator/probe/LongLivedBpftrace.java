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
import java.util.List;
import java.util.Map;

/**
 * One bpftrace for all the runs of an experiment: compiled and attached once (about half a
 * second saved per run), read with SIGUSR1, which makes bpftrace print every map and keep
 * counting. A run's counts are its closing dump minus its opening one.
 *
 * <p>A dump has no end marker of its own, so BEGIN sets a map named to sort after every probe
 * map ({@link #END_MAP}); bpftrace 0.17 prints maps in name order, so the dump is complete once
 * that map's line is out. Maps that have not fired are not printed at all.
 */
public final class LongLivedBpftrace implements AutoCloseable {

    static final String END_MAP = "@zzzz_uringlab_dump_end";
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(10);
    private static final int STDERR_LINES = 3;

    private final ProbeProcess process;
    private final ChildProcess child;
    private final Path ndjson;
    private final String program;

    private LongLivedBpftrace(ProbeProcess process, ChildProcess child, Path ndjson, String program) {
        this.process = process;
        this.child = child;
        this.ndjson = ndjson;
        this.program = program;
    }

    /** Starts bpftrace on {@code program} with its files in {@code dir}; returns once every probe is attached. */
    public static LongLivedBpftrace start(String binary, String program, Path dir, Duration attachTimeout)
            throws ToolException {
        Path script = dir.resolve("probes.bt");
        Path ndjson = dir.resolve("bpftrace.ndjson");
        try {
            Files.createDirectories(dir);
            Files.writeString(script, "BEGIN { printf(\"" + BpftraceSession.READY_MARKER + "\\n\"); " + END_MAP
                    + " = 1; }\n" + program, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("bpftrace: cannot write " + script + ": " + e.getMessage(), e);
        }
        ChildProcess child = ChildProcess.start("bpftrace", List.of(binary, "-f", "json", script.getFileName().toString()),
                ndjson, dir.resolve("bpftrace.stderr"), dir);
        ProbeProcess process = new ProbeProcess("bpftrace", child, ndjson);
        process.awaitAttached(attachTimeout, output -> output.contains(BpftraceSession.READY_MARKER));
        return new LongLivedBpftrace(process, child, ndjson, program);
    }

    /**
     * True when the maps of {@code program} can be subtracted: counts and histograms only grow,
     * while avg, min, max and stats values of two dumps say nothing about what came in between.
     */
    public static boolean dumpsSubtract(String program) {
        return !program.matches("(?s).*\\b(avg|min|max|stats)\\s*\\(.*");
    }

    public String program() {
        return program;
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    public long pid() {
        return child.pid();
    }

    /**
     * Every map as it stands now. {@code raw} receives the dump's lines as bpftrace printed them
     * (the run keeps them next to its results).
     */
    public synchronized BpftraceMaps dump(Path raw) throws ToolException {
        if (!child.isAlive()) {
            throw new ToolException("bpftrace (pid " + child.pid() + ", shared by the experiment's runs) is gone: "
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
                try {
                    if (raw != null) {
                        Files.writeString(raw, dump, StandardCharsets.UTF_8);
                    }
                    BpftraceMaps maps = BpftraceJsonParser.parse(dump);
                    Map<String, Map<String, Long>> probeMaps = new java.util.LinkedHashMap<>(maps.maps());
                    probeMaps.remove(END_MAP);
                    return new BpftraceMaps(probeMaps);
                } catch (BpftraceJsonException e) {
                    throw new ToolException("bpftrace: " + e.getMessage() + " in the dump at byte " + from + " of "
                            + ndjson, e);
                } catch (IOException e) {
                    throw new ToolException("bpftrace: cannot write " + raw + ": " + e.getMessage(), e);
                }
            }
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new ToolException("bpftrace did not print its maps on SIGUSR1 within " + DUMP_TIMEOUT.toSeconds()
                        + " s" + (child.isAlive() ? "" : " (it exited)") + ": " + child.stderrTail(STDERR_LINES));
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToolException("bpftrace: interrupted while reading its maps", e);
            }
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
