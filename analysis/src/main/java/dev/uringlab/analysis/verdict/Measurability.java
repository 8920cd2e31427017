package dev.uringlab.analysis.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which runs an expectation reads, and why it cannot be measured from them when it cannot. */
final class Measurability {

    private Measurability() {
    }

    /** Null when measurable; else the reason (probe unavailable, metric never recorded, no run at the selection). */
    static String reason(Expectation e, List<Map<String, String>> rows) {
        List<Map<String, String>> selected = select(e, rows, Map.of(), false);
        if (selected.isEmpty()) {
            return "no run at " + Verdicts.selectionText(e.where()) + " (the host did not offer it or it was not planned)";
        }
        List<Map<String, String>> ok = select(e, rows, Map.of(), true);
        if (ok.isEmpty()) {
            String error = selected.get(0).getOrDefault("error", "");
            return "every run at the selection failed" + (error.isBlank() ? "" : ": " + error);
        }
        String variant = ok.get(0).get(e.probe() + "_variant");
        if (variant != null && variant.startsWith("unavailable")) {
            return "probe " + e.probe() + " " + variant;
        }
        if (!ok.get(0).containsKey(e.metric())) {
            return "runs.csv has no column " + e.metric() + " (is its probe in the experiment's probes?)";
        }
        if (ok.stream().allMatch(r -> r.getOrDefault(e.metric(), "").isBlank())) {
            return "no run recorded " + e.metric();
        }
        if (e.compares()) {
            for (String value : List.of(e.baseline(), e.treatment())) {
                if (select(e, rows, Map.of(e.axis(), value), true).isEmpty()) {
                    return "no finished run with " + e.axis() + "=" + value;
                }
            }
        }
        for (Map<String, String> selection : e.ranked()) {
            if (select(e, rows, selection, true).isEmpty()) {
                return "no finished run with " + Verdicts.selectionText(selection);
            }
        }
        return null;
    }

    /** The metric's values in the finished runs at the selection (and at {@code axisValue} of the compared axis). */
    static double[] values(Expectation e, List<Map<String, String>> rows, String axisValue) {
        return valuesAt(e, rows, axisValue == null ? Map.of() : Map.of(e.axis(), axisValue));
    }

    /** The metric's values in the finished runs at the selection that also match {@code also} (one ranked selection). */
    static double[] valuesAt(Expectation e, List<Map<String, String>> rows, Map<String, String> also) {
        List<Double> values = new ArrayList<>();
        for (Map<String, String> row : select(e, rows, also, true)) {
            String cell = row.getOrDefault(e.metric(), "");
            if (!cell.isBlank()) {
                try {
                    values.add(Double.parseDouble(cell));
                } catch (NumberFormatException ignored) {
                    // A non-numeric cell (a probe's own remark) is no measurement.
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Map<String, String>> select(Expectation e, List<Map<String, String>> rows, Map<String, String> also,
                                                    boolean okOnly) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> row : rows) {
            if (okOnly && !"ok".equals(row.get("status"))) {
                continue;
            }
            if (!e.experiment().isEmpty() && row.containsKey("experiment") && !e.experiment().equals(row.get("experiment"))) {
                continue;
            }
            boolean match = e.where().entrySet().stream().allMatch(w -> w.getValue().equals(row.get(w.getKey())))
                    && also.entrySet().stream().allMatch(w -> w.getValue().equals(row.get(w.getKey())));
            if (match) {
                out.add(row);
            }
        }
        return out;
    }
}
