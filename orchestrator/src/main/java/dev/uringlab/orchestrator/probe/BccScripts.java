package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.process.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The BCC twins of the catalog ({@code probes/bcc/}, shipped in the jar). They are copied into
 * each run directory before running, so a run records exactly the Python it ran and the jar
 * never has to be unpacked elsewhere; {@code INDEX} names the files (a jar cannot be listed).
 */
public final class BccScripts {

    static final String RUNNER = "uringlab_bcc.py";
    private static final String ROOT = "probes/bcc/";

    private BccScripts() {
    }

    public static List<String> files() {
        return resource("INDEX").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Probe ids with a BCC implementation. */
    public static Set<String> ids() {
        return files().stream().filter(f -> !f.equals(RUNNER))
                .map(f -> f.substring(0, f.length() - ".py".length())).collect(Collectors.toUnmodifiableSet());
    }

    /** Writes every script into {@code dir} and returns the runner's path. */
    static Path extractTo(Path dir) throws ToolException {
        try {
            Files.createDirectories(dir);
            for (String name : files()) {
                Files.writeString(dir.resolve(name), resource(name), StandardCharsets.UTF_8);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ToolException("bcc: cannot write probe scripts to " + dir + ": " + e.getMessage(), e);
        }
        return dir.resolve(RUNNER);
    }

    private static String resource(String name) {
        try (InputStream in = BccScripts.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("BCC probe resource " + ROOT + name + " missing from the classpath (build packages probes/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + name + ": " + e.getMessage(), e);
        }
    }
}
