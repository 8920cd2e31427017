package dev.uringlab.orchestrator.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Finding tools on PATH and asking their versions. */
public final class Tools {

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

    private Tools() {
    }

    public static Optional<String> which(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** True when {@code binary} is a path to an executable, or a name found on PATH. */
    public static boolean available(String binary) {
        return binary.contains("/") ? Files.isExecutable(Path.of(binary)) : which(binary).isPresent();
    }

    /** The first line the tool prints for its version flag (on stdout, or stderr for tools that print it there). */
    public static Optional<String> version(String binary, String flag) {
        try {
            ShortCommand.Result r = ShortCommand.run(List.of(binary, flag), VERSION_TIMEOUT);
            if (r.timedOut()) {
                return Optional.empty();
            }
            return (r.stdout() + "\n" + r.stderr()).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
