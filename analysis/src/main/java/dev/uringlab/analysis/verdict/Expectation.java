package dev.uringlab.analysis.verdict;

import java.util.Map;

/**
 * One claim an experiment expects to reproduce. With {@code axis} set, the runs at
 * {@code treatment} are compared against those at {@code baseline} (both within {@code where});
 * without it, the runs in {@code where} are held against an absolute bound.
 */
public record Expectation(String experiment, String claim, String source, Map<String, String> where,
                          String axis, String baseline, String treatment, String metric, Effect effect) {
    public Expectation {
        where = Map.copyOf(where);
        if ((axis == null) != (treatment == null) || (axis == null) != (baseline == null)) {
            throw new IllegalArgumentException("axis, baseline and treatment go together");
        }
        if (axis == null && !(effect instanceof Effect.Absolute)) {
            throw new IllegalArgumentException("without a compared axis only an absolute bound can be checked");
        }
        if (axis != null && effect instanceof Effect.Absolute) {
            throw new IllegalArgumentException("a comparison of two values needs a direction or a relative change");
        }
    }

    /** The probe whose column the metric is: "ipi_by_callsite_per_io" and "fget[x]" are ipi_by_callsite's and fget's. */
    public String probe() {
        int bracket = metric.indexOf('[');
        String base = bracket >= 0 ? metric.substring(0, bracket) : metric;
        return base.endsWith("_per_io") ? base.substring(0, base.length() - "_per_io".length()) : base;
    }

    public boolean compares() {
        return axis != null;
    }

    /** "coop_taskrun true vs false" or "where cpus=non-irq", for tables. */
    public String comparedText() {
        String sel = where.isEmpty() ? "" : " at " + Verdicts.selectionText(where);
        return compares() ? axis + "=" + treatment + " vs " + baseline + sel : "runs" + (sel.isEmpty() ? "" : sel);
    }
}
