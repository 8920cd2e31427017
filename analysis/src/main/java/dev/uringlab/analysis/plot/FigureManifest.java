package dev.uringlab.analysis.plot;

import dev.uringlab.analysis.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The list of files uringlab wrote into figures/ last time. A re-render removes the ones it does
 * not write again (a plot taken out of the experiment, a facet value no longer swept), so the
 * report never sits beside stale figures, and it removes nothing else: a user's own files in
 * figures/, or figures from before this list existed, are never touched.
 */
public final class FigureManifest {

    /** Hidden, so a figures/ listing shows figures only. */
    public static final String FILE = ".uringlab-figures";

    private FigureManifest() {
    }

    /** The file names uringlab wrote last time; empty when there is no list. */
    public static Set<String> read(Path figuresDir) throws IOException {
        Path list = figuresDir.resolve(FILE);
        Set<String> names = new LinkedHashSet<>();
        if (!Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String name = line.strip();
            // Only plain names in this directory: a hand-edited or corrupt list must not reach elsewhere.
            if (!name.isEmpty() && !name.startsWith("#") && isPlainName(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Records {@code written} as this render's figures and deletes the files of the previous list
     * that were not written again; returns the names deleted.
     */
    public static List<String> replace(Path figuresDir, Collection<String> written) throws IOException {
        Set<String> previous = read(figuresDir);
        Set<String> now = new LinkedHashSet<>(written);
        List<String> removed = new ArrayList<>();
        for (String name : previous) {
            if (now.contains(name)) {
                continue;
            }
            Path file = figuresDir.resolve(name);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
                removed.add(name);
            }
        }
        if (now.isEmpty() && !Files.isDirectory(figuresDir)) {
            return removed;
        }
        Files.createDirectories(figuresDir);
        StringBuilder text = new StringBuilder("# files uringlab wrote here; `uringlab plot` removes those it does not write again\n");
        now.stream().sorted().forEach(n -> text.append(n).append('\n'));
        AtomicFiles.write(figuresDir.resolve(FILE), text.toString());
        return removed;
    }

    static boolean isPlainName(String name) {
        return !name.contains("/") && !name.contains("\\") && !name.equals(".") && !name.equals("..")
                && !name.equals(FILE) && name.indexOf('\0') < 0;
    }
}
