package dev.uringlab.orchestrator.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a path is on a file system other nodes can see. Decided from the file system type the
 * kernel reports: network and cluster file systems are shared, disk and memory ones are not.
 * A type in neither list is treated as shared with a note, since refusing an exotic cluster
 * file system would be worse than a task that reports an unreadable path.
 */
public final class SharedFs {

    private static final Set<String> LOCAL = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay",
            "overlayfs", "zfs", "f2fs", "vfat", "msdos", "exfat", "ramfs", "squashfs", "iso9660", "devtmpfs", "jfs",
            "reiserfs", "bcachefs", "nilfs2");
    private static final Set<String> SHARED_PREFIXES = Set.of("nfs", "lustre", "gpfs", "beegfs", "ceph", "cifs",
            "smb", "9p", "panfs", "wekafs", "fuse.", "glusterfs", "ocfs2", "gfs2", "afs", "virtiofs", "pvfs2", "orangefs");

    private SharedFs() {
    }

    public record Verdict(String type, boolean shared, boolean known) {
    }

    public static Verdict of(Path path) throws IOException {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String type = Files.getFileStore(existing == null ? Path.of("/") : existing).type().toLowerCase(Locale.ROOT);
        return classify(type);
    }

    static Verdict classify(String type) {
        if (LOCAL.contains(type)) {
            return new Verdict(type, false, true);
        }
        boolean shared = SHARED_PREFIXES.stream().anyMatch(type::startsWith);
        return new Verdict(type, true, shared);
    }
}
