package dev.uringlab.orchestrator.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every read and write of /proc and /sys goes through one root, so the host logic is tested
 * against recorded fake trees (a 40-CPU NVMe server, this 2-CPU VM) exactly as it runs on a real
 * host. Writes go through a {@link KernelWriter}, which tests replace with a fake kernel that
 * refuses the way a real one does (EPERM, EIO for managed IRQs).
 */
public record HostFs(Path root, KernelWriter writer) {

    public HostFs(Path root) {
        this(root, KernelWriter.FILES);
    }

    public static HostFs real() {
        return new HostFs(Path.of("/"));
    }

    /** The same root with another writer (a fake kernel in tests). */
    public HostFs withWriter(KernelWriter other) {
        return new HostFs(root, other);
    }

    /** True when this is the machine's own root, not a fake tree: tools like modprobe then act on the same host. */
    public boolean isRealRoot() {
        return root.toAbsolutePath().normalize().equals(Path.of("/"));
    }

    /**
     * Writes {@code value} to a kernel file in one write(2), never creating it. A refusal comes
     * back as a one-line message naming the file and the kernel's reason (EPERM, EIO, ...).
     */
    public void write(String absolute, String value) throws HostWriteException {
        try {
            writer.write(path(absolute), absolute, value.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw HostWriteException.of(absolute, value, e);
        }
    }

    /** The target of a symlink as stored (not resolved), e.g. /proc/PID/fd/3 -> /dev/nvme0n1. */
    public Optional<String> readLink(String absolute) {
        try {
            return Optional.of(Files.readSymbolicLink(path(absolute)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Maps an absolute host path such as {@code /proc/interrupts} into this root. */
    public Path path(String absolute) {
        String relative = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    public boolean exists(String absolute) {
        return Files.exists(path(absolute));
    }

    public Optional<String> read(String absolute) {
        try {
            return Optional.of(Files.readString(path(absolute), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** First line, trimmed; empty when the file is absent or unreadable. */
    public Optional<String> readLine(String absolute) {
        return read(absolute).map(s -> {
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).trim();
        });
    }

    /** Names of the entries of a directory, sorted; empty when it does not exist. */
    public List<String> list(String absolute) {
        Path dir = path(absolute);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            entries.forEach(p -> names.add(p.getFileName().toString()));
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Resolves symlinks inside the root (sysfs is made of them) and returns the host-absolute
     * path, so {@code /sys/block/vda} becomes {@code /sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda}.
     */
    public Optional<String> realPath(String absolute) {
        try {
            Path real = path(absolute).toRealPath();
            Path rootReal = root.toRealPath();
            if (!real.startsWith(rootReal)) {
                return Optional.empty();
            }
            return Optional.of("/" + rootReal.relativize(real).toString().replace('\\', '/'));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
