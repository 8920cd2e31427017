package dev.uringlab.orchestrator.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A claim file's top-level {@code lab:} key: its claims are measurable only in a lab guest of
 * one topology preset (a kernel with kprobes, an NVMe controller with a chosen queue count), what
 * that guest has that this host lacks, and the shell commands that prepare the guest for it
 * (e.g. an ext4 file system on the emulated NVMe). The commands run only inside the guest, which
 * is thrown away afterwards; never on the host that reads the file.
 *
 * <pre>
 * lab:
 *   preset: thesis-in-small
 *   needs: kprobes (kretprobe:io_issue_sqe) and an ext4 file system on a disk of its own
 *   setup: ["modprobe ext4", "mkfs.ext4 -q -F /dev/nvme0n1", ...]
 * </pre>
 */
public record LabNeeds(String preset, String needs, List<String> setup, Node.Position position) {

    public static final String KEY = "lab";
    private static final Set<String> KEYS = Set.of("preset", "needs", "setup");

    public LabNeeds {
        setup = List.copyOf(setup);
    }

    /** What a host without the lab says instead of a verdict. */
    public String reason() {
        return "needs the lab guest '" + preset + "': " + needs + " — run `uringlab reproduce --lab " + preset + "`";
    }

    /** Empty when the file has no {@code lab:} key; {@code presets} are the topology names it may name. */
    public static Optional<LabNeeds> read(Path file, Set<String> presets) throws ConfigException {
        String text;
        try {
            text = YamlText.decode(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text, presets);
    }

    public static Optional<LabNeeds> parse(String fileName, String text, Set<String> presets) throws ConfigException {
        Node.MapNode top = Nodes.map(new YamlTreeReader(fileName).read(text), "the file");
        Node.Entry entry = top.entries().get(KEY);
        if (entry == null) {
            return Optional.empty();
        }
        Node.MapNode lab = Nodes.map(entry.value(), "lab (preset:, needs:, setup:)");
        Nodes.checkKeys(lab, KEYS, "lab");
        Node.Entry preset = lab.entries().get("preset");
        if (preset == null) {
            throw new ConfigException(lab.position(), "lab: needs 'preset:' (one of " + String.join(", ", presets) + ")");
        }
        String name = Nodes.string(preset.value(), "lab.preset");
        if (!presets.contains(name)) {
            throw new ConfigException(preset.value().position(), "lab.preset: unknown preset '" + name + "'"
                    + Suggestions.hint(name, presets) + " (presets: " + String.join(", ", presets) + ")");
        }
        Node.Entry needs = lab.entries().get("needs");
        if (needs == null || Nodes.string(needs.value(), "lab.needs").isBlank()) {
            throw new ConfigException(needs == null ? lab.position() : needs.value().position(),
                    "lab: needs 'needs:', what the guest has that a host may lack (it is the reason shown where it is missing)");
        }
        List<String> setup = new ArrayList<>();
        Node.Entry commands = lab.entries().get("setup");
        if (commands != null) {
            for (Node c : Nodes.list(commands.value(), "lab.setup").items()) {
                String command = Nodes.string(c, "lab.setup (shell commands)");
                if (command.isBlank()) {
                    throw new ConfigException(c.position(), "lab.setup: an empty command");
                }
                setup.add(command);
            }
        }
        return Optional.of(new LabNeeds(name, Nodes.string(needs.value(), "lab.needs").trim(), setup, entry.keyPosition()));
    }
}
