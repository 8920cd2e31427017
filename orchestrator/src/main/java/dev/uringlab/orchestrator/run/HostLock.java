package dev.uringlab.orchestrator.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One sweep per host: a lock on /run/lock/uringlab.lock held for the whole {@code uringlab run}
 * (Java's FileLock, an fcntl record lock on Linux; {@code flock(1)} does not see it).
 * The kernel drops it when the process dies, however it dies, so a stale lock cannot block a
 * host. The file keeps its last holder (pid, experiments, results, start) in key=value lines: who
 * to name when a second sweep is refused, and where a dead sweep left its results and journal.
 * The file is never deleted: unlinking a lock file lets two processes lock two different inodes.
 */
public final class HostLock implements AutoCloseable {

    public static final Path DEFAULT = Path.of("/run/lock/uringlab.lock");
    /** Tests point it elsewhere; a user never needs to. */
    public static final String PATH_PROPERTY = "uringlab.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, String> previous;

    private HostLock(FileChannel channel, FileLock lock, Map<String, String> previous) {
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /** Thrown when another live sweep holds the lock; the message names it. */
    public static final class Busy extends Exception {
        public Busy(String message) {
            super(message);
        }
    }

    public static Path path() {
        String p = System.getProperty(PATH_PROPERTY);
        return p == null ? DEFAULT : Path.of(p);
    }

    /** Takes the lock and records this sweep as its holder, or throws {@link Busy} naming the holder. */
    public static HostLock acquire(Path file, String experiments, Path results) throws Busy, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            // Anyone may run a sweep; a root-created 0644 file would lock every other user out.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException e) {
            // not ours to change: another user created it already
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // this JVM holds it already (a second sweep started in-process)
        }
        Map<String, String> holder = parse(read(channel));
        if (lock == null) {
            channel.close();
            throw new Busy("another sweep is running on this host: " + describe(holder)
                    + "; one sweep at a time, or each disturbs the other's numbers (wait for it, or stop it: kill "
                    + holder.getOrDefault("pid", "<pid>") + ")");
        }
        Map<String, String> me = new LinkedHashMap<>();
        me.put("pid", Long.toString(ProcessHandle.current().pid()));
        me.put("marker", dev.uringlab.orchestrator.process.SweepMarker.self());
        me.put("experiments", experiments);
        me.put("results", results.toAbsolutePath().normalize().toString());
        me.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        StringBuilder text = new StringBuilder();
        me.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new HostLock(channel, lock, holder);
    }

    /** The holder before this one (a finished or dead sweep), if the file named one. */
    public Optional<Map<String, String>> previousHolder() {
        return previous.isEmpty() ? Optional.empty() : Optional.of(previous);
    }

    static String describe(Map<String, String> h) {
        if (h.isEmpty()) {
            return "holder unknown (lock file " + path() + " is empty)";
        }
        return "uringlab pid " + h.getOrDefault("pid", "?") + ", experiment(s) " + h.getOrDefault("experiments", "?")
                + ", results " + h.getOrDefault("results", "?") + ", started " + h.getOrDefault("started", "?");
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
        channel.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
