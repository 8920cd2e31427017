package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.config.Node;
import dev.uringlab.orchestrator.config.Sizes;
import dev.uringlab.orchestrator.config.Suggestions;
import dev.uringlab.orchestrator.config.YamlTreeReader;
import dev.uringlab.orchestrator.host.CpuList;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a topology file (or a shipped preset by name) and refuses every mistake with
 * FILE:LINE:COL, the same way experiment files are checked.
 */
public final class TopologyLoader {

    /** The shipped presets, in the order {@code uringlab lab} lists them. */
    public static final List<String> PRESETS = List.of("thesis-in-small", "one-queue", "nvme-2node");

    private static final Set<String> TOP_KEYS = Set.of("description", "cpus", "memory", "numa_nodes", "nvme", "modules");
    private static final Set<String> NODE_KEYS = Set.of("cpus");
    private static final Set<String> NVME_KEYS = Set.of("serial", "queue_pairs", "size", "node");
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern IDENT = Pattern.compile("[a-z0-9_]+");
    // QEMU's TCG and the guest's JVM need room; more than this is a typo for a laptop-sized guest.
    private static final int MAX_CPUS = 64;

    private TopologyLoader() {
    }

    /** A preset name, or a path to a YAML file. */
    public static Topology load(String presetOrFile) throws ConfigException {
        if (PRESETS.contains(presetOrFile)) {
            String resource = "/lab/topologies/" + presetOrFile + ".yaml";
            try (InputStream in = TopologyLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("preset missing from the jar: " + resource);
                }
                return parse(presetOrFile, presetOrFile + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Path file = Path.of(presetOrFile);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--topology " + presetOrFile + ": neither a preset (" + String.join(", ", PRESETS)
                    + ") nor a file" + Suggestions.hint(presetOrFile, PRESETS));
        }
        try {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            return parse(name, file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    static Topology parse(String name, String fileName, String text) throws ConfigException {
        Node.MapNode root = map(new YamlTreeReader(fileName).read(text), "topology");
        checkKeys(root, TOP_KEYS, "topology");
        Node cpusNode = required(root, "cpus");
        int cpus = integer(cpusNode, "cpus", 1, MAX_CPUS);
        Node memoryNode = required(root, "memory");
        long memory = size(memoryNode, "memory");
        if (memory < (512L << 20)) {
            throw new ConfigException(memoryNode.position(), "memory: at least 512m (the guest runs a JVM), got "
                    + Sizes.format(memory));
        }
        List<List<Integer>> nodes = numaNodes(root.entries().get("numa_nodes"), cpus, cpusNode);
        if (memory % (nodes.size() * (1L << 20)) != 0) {
            throw new ConfigException(memoryNode.position(), "memory: must split into whole MiB per NUMA node ("
                    + nodes.size() + " nodes)");
        }
        List<Topology.Nvme> nvme = nvme(required(root, "nvme"), nodes.size());
        Map<String, Map<String, String>> modules = modules(root.entries().get("modules"));
        return new Topology(name, cpus, memory, nodes, nvme, modules);
    }

    private static List<List<Integer>> numaNodes(Node.Entry entry, int cpus, Node cpusNode) throws ConfigException {
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < cpus; c++) {
            all.add(c);
        }
        if (entry == null) {
            return List.of(all);
        }
        Node.ListNode list = list(entry.value(), "numa_nodes");
        if (list.items().isEmpty()) {
            throw new ConfigException(list.position(), "numa_nodes: give at least one node, or leave the key out");
        }
        List<List<Integer>> nodes = new ArrayList<>();
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            String what = "numa_nodes[" + i + "]";
            Node.MapNode node = map(list.items().get(i), what);
            checkKeys(node, NODE_KEYS, what);
            Node cpuList = required(node, "cpus");
            List<Integer> members;
            try {
                members = List.copyOf(new TreeSet<>(CpuList.parse(scalarText(cpuList, what + ".cpus"))));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(cpuList.position(), what + ".cpus: " + e.getMessage());
            }
            for (int cpu : members) {
                if (cpu >= cpus) {
                    throw new ConfigException(cpuList.position(), what + ".cpus: CPU " + cpu + " does not exist (cpus: "
                            + cpus + " means 0-" + (cpus - 1) + ")");
                }
                if (!seen.add(cpu)) {
                    throw new ConfigException(cpuList.position(), what + ".cpus: CPU " + cpu + " is already in another node");
                }
            }
            if (members.isEmpty()) {
                throw new ConfigException(cpuList.position(), what + ".cpus: empty");
            }
            nodes.add(members);
        }
        if (seen.size() != cpus) {
            List<Integer> missing = new ArrayList<>(all);
            missing.removeAll(seen);
            throw new ConfigException(cpusNode.position(), "numa_nodes: CPUs " + CpuList.format(missing)
                    + " are in no node (every CPU must be in exactly one)");
        }
        return nodes;
    }

    private static List<Topology.Nvme> nvme(Node value, int nodeCount) throws ConfigException {
        Node.ListNode list = list(value, "nvme");
        if (list.items().isEmpty()) {
            throw new ConfigException(list.position(), "nvme: give at least one controller");
        }
        List<Topology.Nvme> result = new ArrayList<>();
        Set<String> serials = new TreeSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            String what = "nvme[" + i + "]";
            Node.MapNode n = map(list.items().get(i), what);
            checkKeys(n, NVME_KEYS, what);
            Node serialNode = n.entries().containsKey("serial") ? n.entries().get("serial").value() : null;
            String serial = serialNode == null ? "lab" + i : scalarText(serialNode, what + ".serial");
            if (!SERIAL.matcher(serial).matches()) {
                throw new ConfigException(serialNode.position(), what + ".serial: letters and digits, at most 20, got '"
                        + serial + "'");
            }
            if (!serials.add(serial)) {
                throw new ConfigException(serialNode.position(), what + ".serial: '" + serial + "' is used twice");
            }
            int queues = integer(required(n, "queue_pairs"), what + ".queue_pairs", 1, 64);
            Node sizeNode = required(n, "size");
            long size = size(sizeNode, what + ".size");
            if (size < (64L << 20) || size % 4096 != 0) {
                throw new ConfigException(sizeNode.position(), what + ".size: at least 64m and a multiple of 4k, got "
                        + Sizes.format(size));
            }
            java.util.OptionalInt node = java.util.OptionalInt.empty();
            if (n.entries().containsKey("node")) {
                Node nodeValue = n.entries().get("node").value();
                if (nodeCount < 2) {
                    throw new ConfigException(nodeValue.position(), what + ".node: the topology has one NUMA node; "
                            + "declare numa_nodes first");
                }
                node = java.util.OptionalInt.of(integer(nodeValue, what + ".node", 0, nodeCount - 1));
            }
            result.add(new Topology.Nvme(serial, queues, size, node));
        }
        return result;
    }

    private static Map<String, Map<String, String>> modules(Node.Entry entry) throws ConfigException {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        if (entry == null) {
            return result;
        }
        for (Node.Entry module : map(entry.value(), "modules").entries().values()) {
            if (!IDENT.matcher(module.key()).matches()) {
                throw new ConfigException(module.keyPosition(), "modules: '" + module.key()
                        + "' is not a module name (lower case, digits, _)");
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (Node.Entry p : map(module.value(), "modules." + module.key()).entries().values()) {
                if (!IDENT.matcher(p.key()).matches()) {
                    throw new ConfigException(p.keyPosition(), "modules." + module.key() + ": '" + p.key()
                            + "' is not a parameter name");
                }
                String v = scalarText(p.value(), "modules." + module.key() + "." + p.key());
                if (!v.matches("[A-Za-z0-9_,.-]+")) {
                    throw new ConfigException(p.value().position(), "modules." + module.key() + "." + p.key()
                            + ": '" + v + "' cannot go on a kernel command line (letters, digits, _ , . -)");
                }
                params.put(p.key(), v);
            }
            result.put(module.key(), params);
        }
        return result;
    }

    private static Node required(Node.MapNode map, String key) throws ConfigException {
        Node.Entry e = map.entries().get(key);
        if (e == null) {
            throw new ConfigException(map.position(), "missing key '" + key + "'");
        }
        return e.value();
    }

    private static Node.MapNode map(Node node, String what) throws ConfigException {
        if (node instanceof Node.MapNode m) {
            return m;
        }
        throw new ConfigException(node.position(), what + ": expected a mapping (key: value lines), got " + node.kind());
    }

    private static Node.ListNode list(Node node, String what) throws ConfigException {
        if (node instanceof Node.ListNode l) {
            return l;
        }
        throw new ConfigException(node.position(), what + ": expected a list, got " + node.kind());
    }

    private static void checkKeys(Node.MapNode map, Set<String> allowed, String where) throws ConfigException {
        for (Node.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                throw new ConfigException(e.keyPosition(), "unknown key '" + e.key() + "' in " + where
                        + Suggestions.hint(e.key(), allowed));
            }
        }
    }

    private static int integer(Node node, String what, int min, int max) throws ConfigException {
        if (node instanceof Node.ScalarNode s && s.value() instanceof Long v && v >= min && v <= max) {
            return v.intValue();
        }
        throw new ConfigException(node.position(), what + ": expected a whole number " + min + "-" + max + ", got "
                + describe(node));
    }

    private static long size(Node node, String what) throws ConfigException {
        String text = scalarText(node, what);
        long bytes = Sizes.parse(text);
        if (bytes <= 0) {
            throw new ConfigException(node.position(), what + ": expected a size like 2g or 512m, got '" + text + "'");
        }
        return bytes;
    }

    /** Numbers are accepted where text is expected (cpus: 0 parses as a number). */
    private static String scalarText(Node node, String what) throws ConfigException {
        if (node instanceof Node.ScalarNode s && (s.value() instanceof String || s.value() instanceof Long)) {
            return String.valueOf(s.value());
        }
        throw new ConfigException(node.position(), what + ": expected a value, got " + node.kind());
    }

    private static String describe(Node node) {
        return node instanceof Node.ScalarNode s && s.value() != null ? "'" + s.value() + "'" : node.kind();
    }
}
