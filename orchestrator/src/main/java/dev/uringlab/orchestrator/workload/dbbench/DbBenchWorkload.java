package dev.uringlab.orchestrator.workload.dbbench;

import dev.uringlab.analysis.model.Metrics;
import dev.uringlab.analysis.parse.DbBenchParser;
import dev.uringlab.analysis.parse.ParseException;
import dev.uringlab.orchestrator.config.TargetSpec;
import dev.uringlab.orchestrator.host.CpuList;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;
import dev.uringlab.orchestrator.workload.Workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * RocksDB's db_bench: the database is filled once per distinct set of fill options into
 * {@code <db root>/dbbench-<hash>/db} and reused (a marker written only after a complete fill),
 * then the measured benchmark runs pinned with {@code --use_existing_db=1}.
 *
 * <p>The fill runs inside {@link #run} when the cache is cold, so the first run's probes would
 * count it: a run loop should call {@link #prepare} before it attaches probes.
 */
public final class DbBenchWorkload implements Workload {

    public static final String STDOUT = "db_bench.stdout";
    public static final String STDERR = "db_bench.stderr";
    public static final String CMDLINE = "db_bench.cmdline";
    public static final String FILL_NOTE = "db_bench.fill";
    static final String MARKER = ".uringlab-filled";

    private final String dbBench;

    public DbBenchWorkload(String dbBench) {
        this.dbBench = dbBench;
    }

    /** $URINGLAB_DB_BENCH (e.g. a liburing-enabled build), else db_bench on PATH. */
    public static String locate() {
        String env = System.getenv("URINGLAB_DB_BENCH");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return Tools.which("db_bench").orElse("db_bench");
    }

    @Override
    public void preflight() throws ToolException {
        if (!Tools.available(dbBench)) {
            throw new ToolException("db_bench not found (" + dbBench + "): apt-get install rocksdb-tools");
        }
    }

    @Override
    public String version() {
        return Tools.version(dbBench, "--version").orElse("unknown");
    }

    @Override
    public Metrics run(RunSpec run, String targetPath, Path runDir) throws ToolException, InterruptedException {
        DbBenchSpec spec = spec(run);
        Path db = database(run, targetPath);
        note(runDir.resolve(FILL_NOTE), db.getParent());
        List<String> command = new ArrayList<>(List.of("taskset", "-c", CpuList.format(run.cpus()), dbBench,
                "--benchmarks=" + spec.benchmark(), "--db=" + db, "--use_existing_db=1"));
        spec.shared().forEach((k, v) -> command.add("--" + k + "=" + v));
        spec.measure().forEach((k, v) -> command.add("--" + k + "=" + v));
        write(runDir.resolve(CMDLINE), String.join(" ", command) + "\n");
        Path stdout = runDir.resolve(STDOUT);
        Path stderr = runDir.resolve(STDERR);
        exec("db_bench " + spec.benchmark(), command, stdout, stderr, runDir, spec.timeoutSeconds());
        try {
            return DbBenchParser.parse(Files.readString(stdout, StandardCharsets.UTF_8), spec.benchmark(), stdout.toString());
        } catch (IOException e) {
            throw new ToolException("db_bench: cannot read " + stdout + ": " + e.getMessage());
        } catch (ParseException e) {
            throw new ToolException("db_bench: " + e.getMessage() + " (stderr: " + lastWords(stderr) + ")");
        }
    }

    /**
     * The filled database for this run's fill options, filling it first when no complete fill is
     * cached. Idempotent: call it before probes are attached so they never count the fill.
     */
    @Override
    public void prepare(RunSpec run, String targetPath) throws ToolException, InterruptedException {
        database(run, targetPath);
    }

    /** The filled database directory for the run's fill options (filled now when not cached). */
    public Path database(RunSpec run, String targetPath) throws ToolException, InterruptedException {
        DbBenchSpec spec = spec(run);
        Path dir = root(spec, run, targetPath).resolve(spec.fillKey());
        Path db = dir.resolve("db");
        if (Files.exists(dir.resolve(MARKER))) {
            return db;
        }
        try {
            // No marker: an interrupted fill (or none); never build on a partial database.
            deleteTree(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ToolException("db_bench: cannot prepare " + dir + ": " + e.getMessage());
        }
        List<String> command = new ArrayList<>(List.of(dbBench, "--benchmarks=" + spec.fillBenchmarks(), "--db=" + db,
                "--use_existing_db=0", "--seed=" + spec.fill().get("fill_seed")));
        spec.shared().forEach((k, v) -> command.add("--" + k + "=" + v));
        write(dir.resolve("fill.cmdline"), String.join(" ", command) + "\n");
        long t0 = System.nanoTime();
        // Not pinned: the fill is preparation, and its compaction threads finish sooner unpinned.
        exec("db_bench fill", command, dir.resolve("fill.stdout"), dir.resolve("fill.stderr"), dir, 3600);
        StringBuilder marker = new StringBuilder("filled " + Instant.now() + " in "
                + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9) + " s by " + version() + "\n");
        spec.fill().forEach((k, v) -> marker.append(k).append('=').append(v).append('\n'));
        try {
            Path tmp = dir.resolve(MARKER + ".tmp");
            Files.writeString(tmp, marker.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ToolException("db_bench: cannot write " + dir.resolve(MARKER) + ": " + e.getMessage());
        }
        return db;
    }

    private static DbBenchSpec spec(RunSpec run) {
        return run.options(DbBenchSpec.class);
    }

    /** db_dir, else beside the target (a scratch file's directory, or the target if it is a directory). */
    private static Path root(DbBenchSpec spec, RunSpec run, String targetPath) throws ToolException {
        if (spec.dbDir() != null) {
            return Path.of(spec.dbDir());
        }
        if (run.target() != null && run.target().kind() == TargetSpec.Kind.DEVICE) {
            throw new ToolException("db_bench needs a filesystem, not device " + targetPath + ": set workload.db_dir");
        }
        Path target = Path.of(targetPath).toAbsolutePath();
        return Files.isDirectory(target) ? target : target.getParent();
    }

    private void exec(String what, List<String> command, Path stdout, Path stderr, Path workDir, long timeout)
            throws ToolException, InterruptedException {
        try (ChildProcess child = ChildProcess.start("db_bench", command, stdout, stderr, workDir)) {
            OptionalInt code = child.waitFor(Duration.ofSeconds(timeout));
            if (code.isEmpty()) {
                child.stop(Duration.ofSeconds(2));
                throw new ToolException(what + " did not finish within " + timeout + " s: " + lastWords(stderr));
            }
            if (ChildProcess.shutdownRequested()) {
                throw new InterruptedException(what + " stopped by shutdown");
            }
            if (code.getAsInt() != 0) {
                throw new ToolException(what + " failed (exit " + code.getAsInt() + "): " + lastWords(stderr)
                        + " (see " + stderr + ")");
            }
        }
    }

    /** db_bench's last message on stderr, without its "... finished N ops" progress (\r-separated). */
    static String lastWords(Path stderr) {
        try {
            List<String> lines = Stream.of(Files.readString(stderr, StandardCharsets.UTF_8).split("[\\r\\n]+"))
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("... finished")).toList();
            return lines.isEmpty() ? "(no message on stderr)"
                    : String.join(" | ", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    private static void note(Path file, Path dir) throws ToolException {
        try {
            write(file, "database " + dir.resolve("db") + "\n" + Files.readString(dir.resolve(MARKER), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ToolException("db_bench: cannot read " + dir.resolve(MARKER) + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String text) throws ToolException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("db_bench: cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
