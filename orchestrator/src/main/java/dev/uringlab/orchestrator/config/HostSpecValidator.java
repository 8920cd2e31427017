package dev.uringlab.orchestrator.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates the {@code host:} section of an experiment. */
final class HostSpecValidator {

    static final Set<String> KEYS = Set.of("irqbalance", "drop_caches", "turbo", "smt", "governor", "irq_affinity",
            "nvme_queues", "max_idle_latency_us", "max_idle_latency_cpus");
    /** Host keys a sweep may vary between runs, as {@code host.KEY} axes. */
    static final List<String> SWEEPABLE = List.of("max_idle_latency_us", "max_idle_latency_cpus", "turbo", "governor",
            "drop_caches");
    /** A swept value meaning "as the host has it": no change for that run. */
    public static final String LEAVE = "leave";
    private static final Set<String> NVME_KEYS = Set.of("default", "poll", "write", "irq_cpus", "attempts");
    private static final List<String> GOVERNORS = List.of("performance", "powersave", "schedutil", "ondemand",
            "conservative", "userspace");

    private HostSpecValidator() {
    }

    static HostSpec validate(Node.MapNode map) throws ConfigException {
        Nodes.checkKeys(map, KEYS, "host");
        Map<String, Node.Entry> h = map.entries();
        boolean stopIrqbalance = false;
        if (h.containsKey("irqbalance")) {
            stopIrqbalance = OptionType.oneOf("stop", "leave").check(h.get("irqbalance").value(), "host.irqbalance")
                    .equals("stop");
        }
        boolean dropCaches = h.containsKey("drop_caches")
                && (Boolean) OptionType.BOOL.check(h.get("drop_caches").value(), "host.drop_caches");
        Boolean turbo = h.containsKey("turbo") ? onOff(h.get("turbo").value(), "host.turbo") : null;
        Boolean smt = h.containsKey("smt") ? onOff(h.get("smt").value(), "host.smt") : null;
        String governor = h.containsKey("governor")
                ? (String) OptionType.oneOf(GOVERNORS.toArray(String[]::new)).check(h.get("governor").value(), "host.governor")
                : null;
        Integer maxIdleLatencyUs = h.containsKey("max_idle_latency_us")
                ? Math.toIntExact((Long) OptionType.NON_NEGATIVE_INT.check(h.get("max_idle_latency_us").value(),
                        "host.max_idle_latency_us"))
                : null;
        String idleLatencyCpus = null;
        if (h.containsKey("max_idle_latency_cpus")) {
            if (maxIdleLatencyUs == null) {
                throw new ConfigException(h.get("max_idle_latency_cpus").keyPosition(),
                        "host.max_idle_latency_cpus: says which CPUs get host.max_idle_latency_us, which is not set");
            }
            idleLatencyCpus = ExperimentValidator.cpuSet(h.get("max_idle_latency_cpus").value(), "host.max_idle_latency_cpus");
        }
        Map<String, String> irqAffinity = new LinkedHashMap<>();
        if (h.containsKey("irq_affinity")) {
            Node.MapNode affinity = Nodes.map(h.get("irq_affinity").value(),
                    "host.irq_affinity (a mapping of IRQ name pattern to CPU list, e.g. {\"nvme0q*\": 0-3})");
            for (Node.Entry entry : affinity.entries().values()) {
                irqAffinity.put(entry.key(), explicitCpus(entry.value(), "host.irq_affinity." + entry.key()));
            }
        }
        HostSpec.NvmeQueues nvme = h.containsKey("nvme_queues") ? nvme(Nodes.map(h.get("nvme_queues").value(),
                "host.nvme_queues")) : null;
        return new HostSpec(stopIrqbalance, dropCaches, turbo, smt, governor, maxIdleLatencyUs, idleLatencyCpus, irqAffinity,
                nvme);
    }

    /**
     * One value of a {@code host.KEY} sweep axis: what the host section would hold for KEY, or
     * {@link #LEAVE}. Keys whose change moves interrupts or CPUs cannot vary between runs, since
     * CPU sets are resolved against them.
     */
    static Object sweptValue(String key, Node node, String field) throws ConfigException {
        if (!SWEEPABLE.contains(key)) {
            String why = switch (key) {
                case "smt" -> "switching SMT takes CPUs offline, and the runs' CPU sets are resolved against the online ones";
                case "irq_affinity", "nvme_queues" -> "it moves interrupts, and irq/non-irq CPU sets are resolved against them";
                case "irqbalance" -> "irqbalance would move interrupts between runs";
                default -> null;
            };
            if (why == null) {
                throw new ConfigException(node.position(), field + ": '" + key + "' is not a host key"
                        + Suggestions.hint(key, KEYS) + " (a sweep can vary host." + String.join(", host.", SWEEPABLE) + ")");
            }
            throw new ConfigException(node.position(), field + ": host." + key + " cannot change between runs: " + why
                    + "; use one experiment per setting");
        }
        if (!key.equals("drop_caches") && !key.equals("max_idle_latency_cpus") && node instanceof Node.ScalarNode s
                && LEAVE.equals(s.value())) {
            return LEAVE;
        }
        return switch (key) {
            case "max_idle_latency_us" -> Math.toIntExact((Long) OptionType.NON_NEGATIVE_INT.check(node, field));
            case "max_idle_latency_cpus" -> ExperimentValidator.cpuSet(node, field);
            case "turbo" -> onOff(node, field) ? "on" : "off";
            case "governor" -> OptionType.oneOf(GOVERNORS.toArray(String[]::new)).check(node, field);
            default -> OptionType.BOOL.check(node, field);
        };
    }

    private static HostSpec.NvmeQueues nvme(Node.MapNode map) throws ConfigException {
        Nodes.checkKeys(map, NVME_KEYS, "host.nvme_queues");
        Map<String, Node.Entry> n = map.entries();
        Integer def = intOrNull(n, "default");
        Integer poll = intOrNull(n, "poll");
        Integer write = intOrNull(n, "write");
        if (def == null && poll == null && write == null) {
            throw new ConfigException(map.position(), "host.nvme_queues: set at least one of default, poll, write");
        }
        String irqCpus = n.containsKey("irq_cpus") ? explicitCpus(n.get("irq_cpus").value(), "host.nvme_queues.irq_cpus")
                : null;
        int attempts = n.containsKey("attempts")
                ? Math.toIntExact((Long) OptionType.POSITIVE_INT.check(n.get("attempts").value(), "host.nvme_queues.attempts"))
                : 1;
        return new HostSpec.NvmeQueues(def, poll, write, irqCpus, attempts);
    }

    private static Integer intOrNull(Map<String, Node.Entry> map, String key) throws ConfigException {
        return map.containsKey(key)
                ? Math.toIntExact((Long) OptionType.NON_NEGATIVE_INT.check(map.get(key).value(), "host.nvme_queues." + key))
                : null;
    }

    /** YAML 1.1 reads a bare {@code off} as false, so both spellings are accepted. */
    private static Boolean onOff(Node node, String field) throws ConfigException {
        if (node instanceof Node.ScalarNode s && s.value() instanceof Boolean b) {
            return b;
        }
        return OptionType.oneOf("on", "off").check(node, field).equals("on");
    }

    private static String explicitCpus(Node node, String field) throws ConfigException {
        String text = ExperimentValidator.cpuSet(node, field);
        if (ExperimentLoader.SYMBOLIC_CPUS.contains(text)) {
            throw new ConfigException(node.position(), field + ": needs an explicit CPU list such as 0-3, not '" + text + "'");
        }
        return text;
    }
}
