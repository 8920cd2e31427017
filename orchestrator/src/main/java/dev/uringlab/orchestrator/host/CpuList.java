package dev.uringlab.orchestrator.host;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/** CPU lists as the host code uses them; the syntax itself is {@link dev.uringlab.analysis.model.CpuList}'s. */
public final class CpuList {

    private CpuList() {
    }

    public static SortedSet<Integer> parse(String text) {
        return dev.uringlab.analysis.model.CpuList.parse(text);
    }

    /**
     * The CPUs in the order written, without repeats: "1,0" is submitter 1 and completer 0 to
     * ringbench, which pins its i-th thread to the i-th CPU of the list.
     */
    public static List<Integer> parseInOrder(String text) {
        return dev.uringlab.analysis.model.CpuList.parseInOrder(text);
    }

    public static String format(Collection<Integer> cpus) {
        return dev.uringlab.analysis.model.CpuList.format(cpus);
    }

    /** value → the CPUs holding it, so 40 CPUs with one governor are one entry ({@code "powersave": "0-39"}). */
    public static Map<String, String> byValue(Collection<Integer> cpus, IntFunction<Optional<String>> valueOf) {
        Map<String, SortedSet<Integer>> by = new TreeMap<>();
        for (int c : cpus) {
            valueOf.apply(c).ifPresent(v -> by.computeIfAbsent(v, k -> new TreeSet<>()).add(c));
        }
        Map<String, String> out = new TreeMap<>();
        by.forEach((v, set) -> out.put(v, format(set)));
        return out;
    }
}
