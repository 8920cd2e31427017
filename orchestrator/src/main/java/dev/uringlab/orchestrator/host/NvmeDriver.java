package dev.uringlab.orchestrator.host;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What sysfs says about the nvme driver: loaded or not, its parameters, each disk's queues. */
public final class NvmeDriver {

    public static final String MODULE = "nvme";
    public static final String PARAMS = "/sys/module/nvme/parameters";
    /** The parameters a reload sets and a restore puts back. */
    public static final List<String> QUEUE_PARAMS = List.of("poll_queues", "write_queues");

    /**
     * One NVMe namespace's queues: hw = every hardware context (mq/*), irq = the interrupt-driven
     * I/O queues (the controller's MSI vectors minus the admin queue), poll = the rest.
     */
    public record Queues(String disk, int hw, int irq, int poll) {
    }

    private NvmeDriver() {
    }

    public static boolean loaded(HostFs fs) {
        return fs.exists("/sys/module/" + MODULE);
    }

    /** Built-in drivers have /sys/module/nvme but no initstate, and cannot be reloaded. */
    public static boolean builtIn(HostFs fs) {
        return loaded(fs) && !fs.exists("/sys/module/" + MODULE + "/initstate");
    }

    /** Every parameter the module exposes, e.g. poll_queues=36, write_queues=0. */
    public static Map<String, String> params(HostFs fs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : fs.list(PARAMS)) {
            fs.readLine(PARAMS + "/" + p).ifPresent(v -> params.put(p, v));
        }
        return params;
    }

    /** "poll_queues=36 write_queues=0", or "unloaded": the journal's old value for a reload. */
    public static String queueParamsText(HostFs fs) {
        if (!loaded(fs)) {
            return "unloaded";
        }
        Map<String, String> all = params(fs);
        List<String> parts = new ArrayList<>();
        for (String p : QUEUE_PARAMS) {
            parts.add(p + "=" + all.getOrDefault(p, "0"));
        }
        return String.join(" ", parts);
    }

    public static Map<String, String> parseParamsText(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : text.strip().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                params.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return params;
    }

    /** NVMe namespaces (nvme0n1, not the hidden multipath paths nvme0c0n1 nor partitions). */
    public static List<String> disks(HostFs fs) {
        return fs.list("/sys/block").stream().filter(n -> n.matches("nvme\\d+n\\d+")).toList();
    }

    public static Optional<Queues> queues(HostFs fs, String disk) {
        if (!fs.exists("/sys/block/" + disk)) {
            return Optional.empty();
        }
        int hw = fs.list("/sys/block/" + disk + "/mq").size();
        int irq = new BlockDeviceLocator(fs).irqsOf(disk).size();
        return Optional.of(new Queues(disk, hw, irq, Math.max(0, hw - irq)));
    }
}
