package dev.uringlab.orchestrator.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files derived from the {@code .bt} headers, the one place a probe's identity is written:
 * {@code probes/INDEX} and {@code probes/bcc/INDEX} (a jar cannot list its own directories) and
 * the table in {@code probes/README.md}. ProbeIndexesTest checks them at build time and rewrites
 * them with {@code -Duringlab.regenerate=true}.
 */
public final class ProbeIndexes {

    public static final String TABLE_START = "<!-- probe table: generated from the .bt headers (ProbeIndexesTest), do not edit -->";
    public static final String TABLE_END = "<!-- end of probe table -->";

    private ProbeIndexes() {
    }

    public static String btIndex(ProbeCatalog catalog) {
        return catalog.all().stream().map(p -> p.id() + ".bt\n").collect(Collectors.joining());
    }

    public static String bccIndex(ProbeCatalog catalog) {
        return "# The runner first, then one twin per catalog probe (see README.md).\nuringlab_bcc.py\n"
                + catalog.all().stream().map(p -> p.id() + ".py\n").collect(Collectors.joining());
    }

    public static String readmeTable(ProbeCatalog catalog) {
        StringBuilder table = new StringBuilder(TABLE_START + "\n| probe | what it counts | variants |\n|---|---|---|\n");
        for (ProbeDefinition p : catalog.all()) {
            table.append("| `").append(p.id()).append("` | ").append(p.counts().replace("|", "\\|")).append(" | ")
                    .append(variants(p)).append(" |\n");
        }
        return table.append(TABLE_END).toString();
    }

    /** The variant names, a preferred one first and marked (ProbeResolver picks it even where a kprobe exists). */
    private static String variants(ProbeDefinition p) {
        List<String> names = new ArrayList<>(p.variantNames());
        if (p.prefer() != null && !p.prefer().isEmpty() && names.remove(p.prefer())) {
            names.add(0, p.prefer() + " (preferred)");
        }
        return String.join(", ", names);
    }

    /** {@code readme} with its generated table replaced by {@code table}; unchanged when it has no markers. */
    public static String withTable(String readme, String table) {
        int start = readme.indexOf(TABLE_START);
        int end = readme.indexOf(TABLE_END);
        if (start < 0 || end < start) {
            return readme;
        }
        return readme.substring(0, start) + table + readme.substring(end + TABLE_END.length());
    }
}
