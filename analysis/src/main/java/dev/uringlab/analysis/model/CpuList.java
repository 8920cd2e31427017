package dev.uringlab.analysis.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The kernel's CPU list syntax ({@code 0,2-3}) in both directions: the one parser for the
 * orchestrator (which writes these lists) and the analysis (which reads them from manifests).
 */
public final class CpuList {

    private CpuList() {
    }

    public static SortedSet<Integer> parse(String text) {
        return new TreeSet<>(parseInOrder(text));
    }

    /**
     * The CPUs in the order written, without repeats: "1,0" is submitter 1 and completer 0 to
     * ringbench, which pins its i-th thread to the i-th CPU of the list.
     */
    public static List<Integer> parseInOrder(String text) {
        Set<Integer> cpus = new LinkedHashSet<>();
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new ArrayList<>();
        }
        for (String part : trimmed.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            if (dash < 0) {
                cpus.add(Integer.parseInt(p));
            } else {
                int from = Integer.parseInt(p.substring(0, dash));
                int to = Integer.parseInt(p.substring(dash + 1));
                if (to < from) {
                    throw new IllegalArgumentException("CPU range " + p + " runs backwards");
                }
                for (int c = from; c <= to; c++) {
                    cpus.add(c);
                }
            }
        }
        return new ArrayList<>(cpus);
    }

    public static String format(Collection<Integer> cpus) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(cpus));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int start = sorted.get(i);
            int end = start;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == end + 1) {
                end = sorted.get(++i);
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(start);
            if (end > start) {
                out.append('-').append(end);
            }
            i++;
        }
        return out.toString();
    }
}
