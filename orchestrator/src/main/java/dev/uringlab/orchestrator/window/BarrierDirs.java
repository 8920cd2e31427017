package dev.uringlab.orchestrator.window;

import dev.uringlab.orchestrator.process.SweepMarker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The probe-window sockets' directories under the temporary directory. Each is named after the
 * uringlab that made it, {@code uringlab-barrier-<pid>-<start ms>-<random>} (its {@link SweepMarker}),
 * so the next sweep can tell a dead owner's (killed with -9: nothing ran to remove it) from a live
 * one's, whose workload may be about to connect.
 */
public final class BarrierDirs {

    static final String PREFIX = "uringlab-barrier-";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(\\d+)-\\d+");
    private static final Pattern UNOWNED = Pattern.compile(Pattern.quote(PREFIX) + "\\d+");
    /** An unowned (pre-owner-name) directory is only ever empty briefly before its socket is bound. */
    private static final long UNOWNED_GRACE_MS = 60_000;

    private BarrierDirs() {
    }

    /** The prefix of a new directory of this uringlab's: {@code createTempDirectory} adds the random part. */
    static String prefix() {
        return PREFIX + SweepMarker.self().replace(':', '-') + "-";
    }

    /** The owner's marker ({@code pid:start ms}) a directory name carries; empty for another name. */
    static Optional<String> owner(String name) {
        Matcher m = OWNED.matcher(name);
        return m.matches() ? Optional.of(m.group(1) + ":" + m.group(2)) : Optional.empty();
    }

    /**
     * Removes from {@code tmp} the directories whose owner is dead, with their socket, and unowned
     * empty ones (left by a uringlab from before owners were named) a minute old; returns what it did.
     * A live owner's are left alone, whatever their age.
     */
    public static List<String> removeDead(Path tmp) {
        List<String> done = new ArrayList<>();
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).toList()) {
                String name = dir.getFileName().toString();
                Optional<String> owner = owner(name);
                if (owner.isPresent()) {
                    if (SweepMarker.ownerAlive(owner.get())) {
                        continue;
                    }
                    done.add("probe-window socket directory " + dir + " left by uringlab pid "
                            + owner.get().substring(0, owner.get().indexOf(':')) + ", which died: "
                            + (remove(dir) ? "removed" : "could not be removed (rm -r " + dir + ")"));
                } else if (UNOWNED.matcher(name).matches() && isEmpty(dir)
                        && System.currentTimeMillis() - Files.getLastModifiedTime(dir).toMillis() > UNOWNED_GRACE_MS) {
                    done.add("empty probe-window socket directory " + dir + " of an earlier uringlab: "
                            + (remove(dir) ? "removed" : "could not be removed (rmdir " + dir + ")"));
                }
            }
        } catch (IOException e) {
            // no temporary directory to look at
        }
        return done;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** The socket (the only thing IoBarrier puts there) and the directory. */
    static boolean remove(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(IoBarrier.SOCKET));
            Files.deleteIfExists(dir);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
