package dev.uringlab.orchestrator.probe;

import dev.uringlab.orchestrator.config.Suggestions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** All probe definitions, loaded from {@code probes/} on the classpath or from a directory. */
public final class ProbeCatalog {

    private final Map<String, ProbeDefinition> byId;

    private ProbeCatalog(List<ProbeDefinition> probes) {
        Map<String, ProbeDefinition> map = new LinkedHashMap<>();
        probes.stream().sorted(Comparator.comparing(ProbeDefinition::id)).forEach(p -> {
            if (map.putIfAbsent(p.id(), p) != null) {
                throw new IllegalStateException("probe id " + p.id() + " defined twice");
            }
        });
        this.byId = map;
    }

    /**
     * The catalog shipped in the jar. A jar cannot be listed portably (the shaded jar has no
     * directory entries we can rely on), so {@code probes/INDEX} names the files.
     */
    public static ProbeCatalog builtin() {
        String index = resource("probes/INDEX");
        List<ProbeDefinition> probes = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                probes.add(ProbeHeaderParser.parse(name, resource("probes/" + name)));
            }
        }
        return new ProbeCatalog(probes);
    }

    /** Every {@code *.bt} file in {@code dir} (for user catalogs and tests). */
    public static ProbeCatalog fromDirectory(Path dir) {
        List<ProbeDefinition> probes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".bt")).sorted().toList()) {
                probes.add(ProbeHeaderParser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read probe directory " + dir + ": " + e.getMessage(), e);
        }
        return new ProbeCatalog(probes);
    }

    public List<ProbeDefinition> all() {
        return List.copyOf(byId.values());
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public Optional<ProbeDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The closest known id, for "unknown probe x, did you mean y?"; empty when nothing is close. */
    public Optional<String> suggest(String unknownId) {
        return Suggestions.closest(unknownId, byId.keySet());
    }

    private static String resource(String name) {
        try (InputStream in = ProbeCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("probe catalog resource " + name + " missing from the classpath (build packages probes/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
