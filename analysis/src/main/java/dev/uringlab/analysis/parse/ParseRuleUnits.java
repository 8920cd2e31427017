package dev.uringlab.analysis.parse;

import dev.uringlab.analysis.model.Metrics;

import java.util.Map;

/**
 * Converts a number printed in the tool's unit into the unit its metric name carries
 * ({@link Metrics#unitOf}), so a rule can say "this tool prints ms" and the column stays µs.
 */
public final class ParseRuleUnits {

    private static final Map<String, Double> TIME_IN_NS = Map.of("ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9);
    private static final Map<String, Double> RATE_IN_BYTES = Map.ofEntries(
            Map.entry("B/s", 1.0), Map.entry("kB/s", 1e3), Map.entry("KB/s", 1e3), Map.entry("KiB/s", 1024.0),
            Map.entry("MB/s", 1e6), Map.entry("MiB/s", 1048576.0), Map.entry("GB/s", 1e9),
            Map.entry("GiB/s", 1073741824.0));
    private static final Map<String, Double> COUNT = Map.of("1", 1.0, "k", 1e3, "K", 1e3, "M", 1e6, "G", 1e9);
    private static final Map<String, Double> PERCENT = Map.of("%", 1.0, "fraction", 100.0);

    private ParseRuleUnits() {
    }

    /**
     * The factor that turns a value in {@code sourceUnit} into {@code metric}'s unit.
     *
     * @throws IllegalArgumentException when the two are not the same kind of quantity
     */
    public static double factor(String metric, String sourceUnit) {
        String target = Metrics.unitOf(metric);
        switch (target) {
            case "ns", "us", "s" -> {
                if (TIME_IN_NS.containsKey(sourceUnit)) {
                    return TIME_IN_NS.get(sourceUnit) / TIME_IN_NS.get(target);
                }
            }
            case "MB/s" -> {
                if (RATE_IN_BYTES.containsKey(sourceUnit)) {
                    return RATE_IN_BYTES.get(sourceUnit) / 1e6;
                }
            }
            case "%" -> {
                if (PERCENT.containsKey(sourceUnit)) {
                    return PERCENT.get(sourceUnit);
                }
            }
            default -> {
                if (COUNT.containsKey(sourceUnit)) {
                    return COUNT.get(sourceUnit);
                }
            }
        }
        String known = switch (target) {
            case "ns", "us", "s" -> "ns, us, ms, s";
            case "MB/s" -> "B/s, kB/s, KiB/s, MB/s, MiB/s, GB/s, GiB/s";
            case "%" -> "%, fraction";
            default -> "1, k, M, G";
        };
        throw new IllegalArgumentException("units: '" + sourceUnit + "' for metric '" + metric + "' ("
                + (target.isEmpty() ? "a plain count" : target) + ") does not convert; use one of " + known
                + (target.isEmpty() ? " (or name the metric with a unit suffix: _us, _ns, _s, _mb_s, _pct)" : ""));
    }

    /**
     * A captured number, allowing thousands separators ("1,234") and an SI suffix ("12.3k"), both of
     * which tools print depending on magnitude (fio's "IOPS=12.3k").
     */
    public static double number(String text) {
        String t = text.strip();
        if (t.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            t = t.replace(",", "");
        }
        double multiplier = 1;
        if (!t.isEmpty()) {
            char last = t.charAt(t.length() - 1);
            Double m = switch (last) {
                case 'k', 'K' -> 1e3;
                case 'M' -> 1e6;
                case 'G' -> 1e9;
                default -> null;
            };
            if (m != null) {
                multiplier = m;
                t = t.substring(0, t.length() - 1);
            }
        }
        return Double.parseDouble(t) * multiplier;
    }
}
