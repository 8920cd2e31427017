package dev.uringlab.orchestrator.host.knob;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Copies fixture trees keeping their symlinks (sysfs is made of them) and hashes a tree's every path, link and byte. */
public final class HostTrees {

    public static final Path SERVER = Path.of("src/test/fixtures/hosts/server-2socket-40cpu-nvme");
    public static final Path VM = Path.of("src/test/fixtures/hosts/vm-2cpu-virtio");

    private HostTrees() {
    }

    public static Path copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else {
                    Files.copy(file, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }

    /** sha256 over every entry's relative path, its kind, and its content or link target, in sorted order. */
    public static String hash(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted().toList();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : paths) {
                md.update(root.relativize(p).toString().getBytes());
                if (Files.isSymbolicLink(p)) {
                    md.update(("L" + Files.readSymbolicLink(p)).getBytes());
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    md.update("D".getBytes());
                } else {
                    md.update("F".getBytes());
                    md.update(Files.readAllBytes(p));
                }
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file whose content differs, for assertion messages. */
    public static List<String> differences(Path a, Path b) throws IOException {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (Path root : List.of(a, b)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.forEach(p -> all.add(root.relativize(p).toString()));
            }
        }
        java.util.List<String> diffs = new java.util.ArrayList<>();
        for (String rel : all) {
            Path x = a.resolve(rel);
            Path y = b.resolve(rel);
            boolean ex = Files.exists(x, LinkOption.NOFOLLOW_LINKS);
            boolean ey = Files.exists(y, LinkOption.NOFOLLOW_LINKS);
            if (ex != ey) {
                diffs.add((ex ? "only before: " : "only after: ") + rel);
            } else if (Files.isRegularFile(x, LinkOption.NOFOLLOW_LINKS)
                    && !java.util.Arrays.equals(Files.readAllBytes(x), Files.readAllBytes(y))) {
                diffs.add("differs: " + rel);
            }
        }
        return diffs;
    }
}
