package dev.uringlab.orchestrator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code host:} section: knobs applied for the whole experiment (journaled, restored at its
 * end) and {@code drop_caches}, applied before every run. Null means "leave as it is".
 *
 * @param irqAffinity IRQ name pattern of the target device ({@code nvme0q*}) → CPU list
 * @param turbo       false = turbo off
 * @param smt         false = SMT off
 * @param maxIdleLatencyUs the idle exit latency the CPUs may incur (PM QoS); 0 = poll, never halt
 * @param idleLatencyCpus  which CPUs get that limit (a CPU set: irq, non-irq, 0-3, ...); null = every online CPU
 */
public record HostSpec(
        boolean stopIrqbalance,
        boolean dropCaches,
        Boolean turbo,
        Boolean smt,
        String governor,
        Integer maxIdleLatencyUs,
        String idleLatencyCpus,
        Map<String, String> irqAffinity,
        NvmeQueues nvmeQueues) {

    public HostSpec {
        irqAffinity = Collections.unmodifiableMap(new LinkedHashMap<>(irqAffinity));
    }

    /**
     * {@code nvme_queues:} the driver is reloaded with poll_queues/write_queues; {@code defaultQueues}
     * is the count of interrupt-driven queues the result must have (checked, not set); irqCpus the
     * wanted IRQ placement, retried up to {@code attempts} reloads.
     */
    public record NvmeQueues(Integer defaultQueues, Integer poll, Integer write, String irqCpus, int attempts) {
    }

    /** Sweep axes named {@code host.KEY} vary one host setting between runs. */
    public static final String SWEPT_PREFIX = "host.";

    /** "host.turbo" reads as "turbo" where a swept value is named for people (run ids, labels); other axes unchanged. */
    public static String shortAxisName(String axis) {
        return axis.startsWith(SWEPT_PREFIX) ? axis.substring(SWEPT_PREFIX.length()) : axis;
    }

    /**
     * The host settings of one run from its swept {@code host.KEY} values (other axes ignored);
     * "leave" keeps a key as the host has it. Applied before the run, restored after it.
     */
    public static HostSpec ofSwept(Map<String, Object> swept) {
        boolean dropCaches = false;
        Boolean turbo = null;
        String governor = null;
        Integer maxIdleLatencyUs = null;
        String idleLatencyCpus = null;
        for (Map.Entry<String, Object> e : swept.entrySet()) {
            if (!e.getKey().startsWith(SWEPT_PREFIX) || HostSpecValidator.LEAVE.equals(e.getValue())) {
                continue;
            }
            Object v = e.getValue();
            switch (e.getKey().substring(SWEPT_PREFIX.length())) {
                case "drop_caches" -> dropCaches = (Boolean) v;
                case "turbo" -> turbo = "on".equals(v);
                case "governor" -> governor = (String) v;
                case "max_idle_latency_us" -> maxIdleLatencyUs = (Integer) v;
                case "max_idle_latency_cpus" -> idleLatencyCpus = (String) v;
                default -> throw new IllegalArgumentException("host key " + e.getKey() + " cannot be swept");
            }
        }
        return new HostSpec(false, dropCaches, turbo, null, governor, maxIdleLatencyUs, idleLatencyCpus, Map.of(), null);
    }

    public static HostSpec none() {
        return new HostSpec(false, false, null, null, null, null, null, Map.of(), null);
    }

    public boolean isEmpty() {
        return equals(none());
    }

    /** Knobs that move interrupts: CPU sets like irq/non-irq must be resolved after they are applied. */
    public boolean changesIrqLayout() {
        return !irqAffinity.isEmpty() || nvmeQueues != null;
    }
}
