package dev.uringlab.orchestrator.workload.command;

import dev.uringlab.orchestrator.process.ShortCommand;
import dev.uringlab.orchestrator.process.ToolException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code before_each: drop_caches} does, injected so unit tests need no root and the run
 * loop can route it through its own host knobs.
 */
@FunctionalInterface
public interface CommandCacheDropper {

    void dropCaches() throws ToolException, InterruptedException;

    /** sync(1), then "3" (page cache, dentries, inodes) into /proc/sys/vm/drop_caches. */
    static CommandCacheDropper procfs() {
        return procfs(Path.of("/proc/sys/vm/drop_caches"));
    }

    static CommandCacheDropper procfs(Path dropCaches) {
        return () -> {
            try {
                // Dirty pages cannot be dropped: without sync a "cold" read may still hit the cache.
                if (ShortCommand.run(List.of("sync"), Duration.ofSeconds(120)).timedOut()) {
                    throw new ToolException("command: before_each: sync did not finish within 120 s");
                }
                Files.writeString(dropCaches, "3");
            } catch (AccessDeniedException e) {
                throw new ToolException("command: before_each: drop_caches needs root (cannot write " + dropCaches + ")");
            } catch (IOException e) {
                throw new ToolException("command: before_each: cannot drop caches via " + dropCaches + ": " + e.getMessage());
            }
        };
    }
}
