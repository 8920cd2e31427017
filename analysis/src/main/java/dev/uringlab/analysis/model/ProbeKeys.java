package dev.uringlab.analysis.model;

import java.util.Comparator;

/** The order of a probe map's keys everywhere (run.json, CSV columns): numeric keys (CPUs, return values) numerically, then the rest alphabetically. */
public final class ProbeKeys {

    public static final Comparator<String> ORDER = (a, b) -> {
        Long x = asLong(a);
        Long y = asLong(b);
        if (x != null && y != null) {
            return Long.compare(x, y);
        }
        if (x != null) {
            return -1;
        }
        if (y != null) {
            return 1;
        }
        return a.compareTo(b);
    };

    private ProbeKeys() {
    }

    private static Long asLong(String s) {
        // Most non-numeric keys (callsites) fail on the first character: no exception thrown and caught per comparison.
        if (s.isEmpty() || s.length() > 19 || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' && s.length() > 1)) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
