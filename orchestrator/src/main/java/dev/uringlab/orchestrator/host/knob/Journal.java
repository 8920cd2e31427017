package dev.uringlab.orchestrator.host.knob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uringlab.orchestrator.host.HostException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Append-only JSON-lines record of host changes, written and fsync'd BEFORE each change, so a
 * crash or kill -9 at any point leaves a file from which {@code uringlab restore} undoes
 * everything. Lines: one header (the host root it belongs to), one "change" per change (kind,
 * target, old value), one "restored" per undone change. Marking instead of rewriting keeps it
 * append-only, which is what makes a torn write harmless: only the last line can be partial,
 * and it is ignored.
 */
public final class Journal {

    public static final String PREFIX = "host-journal-";
    public static final String SUFFIX = ".jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path file;
    private final String hostRoot;
    private final List<JournalEntry> entries = new ArrayList<>();
    private final Set<Integer> restored = new TreeSet<>();
    private boolean created;

    private Journal(Path file, String hostRoot, boolean created) {
        this.file = file;
        this.hostRoot = hostRoot;
        this.created = created;
    }

    /** A new journal in {@code dir}; the file appears with the first change, so a sweep that changes nothing leaves none. */
    public static Journal create(Path dir, Path hostRoot) {
        String name = PREFIX + STAMP.format(Instant.now()) + "-" + ProcessHandle.current().pid() + SUFFIX;
        return new Journal(dir.resolve(name), hostRoot.toAbsolutePath().normalize().toString(), false);
    }

    /** Reads an existing journal to restore from it (and to append its restore marks). */
    public static Journal open(Path file) throws HostException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HostException("cannot read journal " + file + ": " + e.getMessage());
        }
        String root = null;
        Journal journal = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    break; // torn by a crash mid-append: that change was never made
                }
                throw new HostException("journal " + file + ":" + (i + 1) + " is not valid JSON; fix or remove the line");
            }
            String type = node.path("type").asText();
            if (type.equals("journal")) {
                root = node.path("root").asText("/");
                journal = new Journal(file, root, true);
            } else if (journal == null) {
                throw new HostException("journal " + file + " has no header line; it is not a uringlab journal");
            } else if (type.equals("change")) {
                Map<String, String> extra = new LinkedHashMap<>();
                node.path("extra").fields().forEachRemaining(f -> extra.put(f.getKey(), f.getValue().asText()));
                journal.entries.add(new JournalEntry(node.path("seq").asInt(), node.path("kind").asText(),
                        node.path("target").asText(), node.path("old").asText(), node.path("new").asText(),
                        Instant.parse(node.path("at").asText()), extra));
            } else if (type.equals("restored")) {
                journal.restored.add(node.path("seq").asInt());
            }
        }
        if (journal == null) {
            throw new HostException("journal " + file + " is empty or has no header line");
        }
        return journal;
    }

    /** The newest journal file under {@code resultsRoot} (any depth), by name time stamp then modification time. */
    public static Optional<Path> newestUnder(Path resultsRoot) throws HostException {
        return allUnder(resultsRoot).stream().reduce((a, b) -> b);
    }

    /** Every journal under {@code resultsRoot}, oldest first. */
    public static List<Path> allUnder(Path resultsRoot) throws HostException {
        if (!Files.isDirectory(resultsRoot)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(resultsRoot, 6)) {
            return walk.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX) && Files.isRegularFile(p);
            }).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(Journal::mtime)).toList();
        } catch (IOException e) {
            throw new HostException("cannot search " + resultsRoot + " for journals: " + e.getMessage());
        }
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    public Path file() {
        return file;
    }

    /** The host root (/ or a fake tree) the changes were made under. */
    public String hostRoot() {
        return hostRoot;
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized boolean isRestored(int seq) {
        return restored.contains(seq);
    }

    /** Entries not yet undone, newest first: the order to undo them in. */
    public synchronized List<JournalEntry> pending() {
        List<JournalEntry> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!restored.contains(entries.get(i).seq())) {
                out.add(entries.get(i));
            }
        }
        return out;
    }

    /** Records a change about to be made; returns only once the line is on disk. */
    public synchronized JournalEntry append(String kind, String target, String oldValue, String newValue,
            Map<String, String> extra) throws HostException {
        JournalEntry entry = new JournalEntry(entries.size() + 1, kind, target, oldValue, newValue, Instant.now(), extra);
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "change").put("seq", entry.seq()).put("kind", kind).put("target", target)
                .put("old", oldValue).put("new", newValue).put("at", entry.at().toString());
        ObjectNode ex = line.putObject("extra");
        extra.forEach(ex::put);
        writeLine(line);
        entries.add(entry);
        return entry;
    }

    /** Marks a change undone (or never made, when the kernel refused it). */
    public synchronized void markRestored(int seq) throws HostException {
        if (restored.contains(seq)) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "restored").put("seq", seq).put("at", Instant.now().toString());
        writeLine(line);
        restored.add(seq);
    }

    private void writeLine(ObjectNode line) throws HostException {
        try {
            if (!created) {
                Files.createDirectories(file.getParent());
                ObjectNode header = JSON.createObjectNode();
                header.put("type", "journal").put("version", 1).put("root", hostRoot)
                        .put("pid", ProcessHandle.current().pid()).put("created", Instant.now().toString());
                append(JSON.writeValueAsString(header) + "\n");
                fsyncDirectory(file.getParent());
                created = true;
            }
            append(JSON.writeValueAsString(line) + "\n");
        } catch (IOException e) {
            throw new HostException("cannot write journal " + file + ": " + e.getMessage()
                    + " (nothing was changed on the host for this step)");
        }
    }

    private void append(String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    // A new file's directory entry is only durable once the directory itself is synced.
    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open directories for sync; the data itself is synced.
        }
    }
}
