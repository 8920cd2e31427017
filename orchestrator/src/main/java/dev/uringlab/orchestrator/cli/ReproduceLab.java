package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.LabNeeds;
import dev.uringlab.orchestrator.config.Suggestions;
import dev.uringlab.orchestrator.lab.LabException;
import dev.uringlab.orchestrator.lab.LabLauncher;
import dev.uringlab.orchestrator.lab.TopologyLoader;
import dev.uringlab.analysis.verdict.Verdicts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code uringlab reproduce --lab PRESET}: for each preset ONE guest boot, in which
 * {@code uringlab reproduce --in-lab PRESET} runs that preset's claim files (the guest is slow
 * under TCG: a boot and a JVM start per claim would cost minutes each). Each guest writes its
 * summary under {@code lab-PRESET/} of the results; this host joins them into one.
 */
final class ReproduceLab {

    private static final String ALL = "all";

    private final ReproduceCommand c;

    ReproduceLab(ReproduceCommand command) {
        this.c = command;
    }

    int run(Map<Path, Optional<LabNeeds>> needs) throws Exception {
        c.guest.toOptions(c.lab.get(0), c.results); // a bad --accel is refused before anything boots
        List<String> presets = presets(needs);
        long start = System.nanoTime();
        List<ReproduceSummary.Row> rows = new ArrayList<>();
        boolean guestFailed = false;
        for (String preset : presets) {
            Path sub = c.results.resolve(subdir(preset)).toAbsolutePath().normalize();
            Files.createDirectories(sub);
            Files.deleteIfExists(sub.resolve("reproduce.csv")); // an old guest's summary must not pass for this one's
            Path claims = copyClaims(needs, preset, sub);
            long t0 = System.nanoTime();
            int code;
            try {
                code = LabExits.run(() -> new LabLauncher(c.guest.toOptions(preset, sub), System.out).exec(guestArgv(preset, claims, sub)));
            } catch (LabException e) {
                // A guest that did not boot costs its own preset's verdicts, not the other guests'.
                System.out.println("lab: " + preset + ": " + e.getMessage());
                code = ExitCodes.FAILURE;
            }
            System.out.printf(Locale.ROOT, "lab: %s: guest exit %d after %.0f s%n", preset, code, (System.nanoTime() - t0) / 1e9);
            Path csv = sub.resolve("reproduce.csv");
            if (Files.exists(csv)) {
                Verdicts.readRows(csv).forEach(r -> rows.add(ReproduceSummary.Row.fromCsv(r, subdir(preset))));
            }
            if (!Files.exists(csv) || code != ExitCodes.OK && code != ExitCodes.FAILURE) {
                // No verdicts from this guest: the reason is its exit and console, kept by the launcher.
                guestFailed = true;
                System.out.println("lab: " + preset + ": the guest's reproduce " + (Files.exists(csv) ? "exited " + code
                        : "wrote no summary (exit " + code + ")") + "; its output is above");
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        ReproduceSummary.write(c.results, rows, wall);
        System.out.print(ReproduceSummary.markdown(rows, wall));
        System.out.printf(Locale.ROOT, "summary: %s (%d claims in %d lab guest(s), %.0f s in all)%n",
                c.results.resolve("reproduce.md"), rows.size(), presets.size(), wall);
        return guestFailed ? ExitCodes.FAILURE : c.exitCode(rows, false);
    }

    static String subdir(String preset) {
        return "lab-" + preset;
    }

    /** The requested presets in order, "all" expanded to every preset the claim files name. */
    private List<String> presets(Map<Path, Optional<LabNeeds>> needs) throws ConfigException {
        Set<String> named = new LinkedHashSet<>();
        needs.values().forEach(n -> n.ifPresent(l -> named.add(l.preset())));
        Set<String> presets = new LinkedHashSet<>();
        for (String p : c.lab) {
            if (p.equals(ALL)) {
                presets.addAll(named);
            } else if (!TopologyLoader.PRESETS.contains(p)) {
                throw new ConfigException("--lab " + p + ": not a preset (" + String.join(", ", TopologyLoader.PRESETS)
                        + ", or all)" + Suggestions.hint(p, TopologyLoader.PRESETS));
            } else if (!named.contains(p)) {
                throw new ConfigException("--lab " + p + ": no claim file in " + c.dir + " needs it (their lab: presets: "
                        + (named.isEmpty() ? "none" : String.join(", ", named)) + ")");
            } else {
                presets.add(p);
            }
        }
        if (presets.isEmpty()) {
            throw new ConfigException("--lab all: no claim file in " + c.dir + " has a lab: key; run `uringlab reproduce "
                    + c.dir + "` on this host");
        }
        return List.copyOf(presets);
    }

    /**
     * This preset's claim files, copied into the guest's results share: the guest sees this host's
     * files, but not those under /tmp (its own tmpfs), and the copy records what the guest ran.
     */
    private static Path copyClaims(Map<Path, Optional<LabNeeds>> needs, String preset, Path sub) throws IOException {
        Path claims = sub.resolve("claims");
        if (Files.isDirectory(claims)) {
            try (Stream<Path> old = Files.list(claims)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(claims);
        for (Map.Entry<Path, Optional<LabNeeds>> e : needs.entrySet()) {
            if (e.getValue().isPresent() && e.getValue().get().preset().equals(preset)) {
                Files.copy(e.getKey(), claims.resolve(e.getKey().getFileName()));
            }
        }
        return claims;
    }

    /** The guest's own reproduce: this preset's files (copied beside its results), the same options. */
    private List<String> guestArgv(String preset, Path claims, Path sub) {
        List<String> argv = new ArrayList<>(List.of("uringlab", "reproduce", claims.toString(),
                "--results", sub.toString(), "--in-lab", preset,
                "--fail-on", c.failOn.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        c.overrides.forEach(o -> argv.add("--set=" + o));
        if (c.force) {
            argv.add("--force");
        }
        if (c.verbose.verbose) {
            argv.add("-v");
        }
        return argv;
    }
}
