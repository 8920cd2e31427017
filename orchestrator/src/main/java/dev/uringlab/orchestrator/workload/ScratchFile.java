package dev.uringlab.orchestrator.workload;

import dev.uringlab.orchestrator.config.Sizes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * The file fio and ringbench read and write. It is filled with real, random data and fsynced,
 * never left sparse or merely fallocated: ext4 answers reads of holes and of unwritten extents
 * with zeros without touching the disk, so an O_DIRECT read benchmark on such a file measures
 * no device I/O at all. Random rather than zero bytes, so that compressing or deduplicating
 * storage cannot shortcut the reads either.
 *
 * @param created true when this call wrote the file, false when an existing one was reused
 */
public record ScratchFile(Path path, long sizeBytes, boolean created) {

    public static final long DEFAULT_SIZE = 1L << 30;

    /** Kept free after filling so a benchmark never leaves the root filesystem completely full. */
    static final long HEADROOM_BYTES = 64L << 20;

    private static final int CHUNK = 1 << 20;

    /** Reuses {@code path} if it already has exactly {@code sizeBytes}, else creates and fills it. */
    public static ScratchFile ensure(Path path, long sizeBytes) throws IOException {
        return ensure(path, sizeBytes, ScratchFile::usableBytes);
    }

    static ScratchFile ensure(Path path, long sizeBytes, ToLongFunction<Path> freeBytes) throws IOException {
        if (sizeBytes <= 0 || sizeBytes % 4096 != 0) {
            // O_DIRECT runs need every block-aligned offset to exist; fio sizes are multiples of 4k anyway.
            throw new IOException("scratch file " + path + ": size " + sizeBytes + " must be a positive multiple of 4096");
        }
        path = path.toAbsolutePath();
        if (Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IOException("scratch file " + path + " exists but is not a regular file; choose another path");
            }
            long have = Files.size(path);
            if (have == sizeBytes) {
                return new ScratchFile(path, sizeBytes, false);
            }
            // It may be someone's data: never overwrite a file of a different size.
            throw new IOException("scratch file " + path + " exists with " + have + " bytes, not the configured "
                    + sizeBytes + "; delete it or set another scratch path");
        }
        Path dir = path.getParent();
        Files.createDirectories(dir);
        long free = freeBytes.applyAsLong(dir);
        if (free < sizeBytes + HEADROOM_BYTES) {
            throw new IOException("no room for scratch file " + path + ": needs " + human(sizeBytes)
                    + " (+" + human(HEADROOM_BYTES) + " headroom) but " + dir + " has " + human(free)
                    + " free; lower the scratch size or pick another filesystem");
        }
        fill(path, sizeBytes);
        return new ScratchFile(path, sizeBytes, true);
    }

    /** Writes under a temporary name and renames: an interrupted fill is never mistaken for a finished file. */
    private static void fill(Path path, long sizeBytes) throws IOException {
        Path partial = path.resolveSibling(path.getFileName() + ".partial");
        SplittableRandom random = new SplittableRandom();
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (long written = 0; written < sizeBytes; ) {
                buffer.clear();
                while (buffer.remaining() >= Long.BYTES) {
                    buffer.putLong(random.nextLong());
                }
                buffer.flip();
                buffer.limit((int) Math.min(CHUNK, sizeBytes - written));
                while (buffer.hasRemaining()) {
                    written += ch.write(buffer);
                }
            }
            ch.force(true); // on disk before any O_DIRECT reader looks at it
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw new IOException("cannot fill scratch file " + partial + ": " + e.getMessage(), e);
        }
        Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE);
    }

    /** fio's own size syntax with its default kb_base=1024: "512m" = 512 MiB, "1g", "4096", "2GiB". */
    public static long parseSize(String text) {
        long bytes = text == null ? -1 : Sizes.parse(text);
        if (bytes < 0) {
            throw new IllegalArgumentException("size '" + text + "' is invalid or too large: expected e.g. 512m, 1g or 4096");
        }
        return bytes;
    }

    static String human(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    private static long usableBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell: let the write itself report ENOSPC
        }
    }
}
