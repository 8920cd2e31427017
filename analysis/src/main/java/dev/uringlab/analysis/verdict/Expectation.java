package dev.uringlab.analysis.verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One claim an experiment expects to reproduce. With {@code axis} set, the runs at
 * {@code treatment} are compared against those at {@code baseline} (both within {@code where});
 * with {@code ranked} set (a rank), the runs of its last selection against those of each other one;
 * with neither, the runs in {@code where} are held against an absolute bound.
 *
 * With {@code over} set (a numeric swept axis), the claim is about the least-squares line of the
 * metric against that axis: its slope at treatment against its slope at baseline, or how close to
 * a line the runs lie ({@link Effect.Linear}).
 *
 * @param ranked for {@link Effect.Rank} only: two or more selections (axis → value), the candidate last
 * @param over   null, or the numeric axis the metric is fitted against
 */
public record Expectation(String experiment, String claim, String source, Map<String, String> where,
                          String axis, String baseline, String treatment, String metric, Effect effect,
                          List<Map<String, String>> ranked, String over) {
    public Expectation {
        if (over != null) {
            if (effect instanceof Effect.Rank || effect instanceof Effect.Absolute || effect instanceof Effect.Difference) {
                throw new IllegalArgumentException("a fit over " + over + " compares slopes (higher, lower, a relative"
                        + " change) or checks 'linear'");
            }
            if ((axis == null) != (effect instanceof Effect.Linear)) {
                throw new IllegalArgumentException("over " + over + ": 'linear' needs no compare:, a slope comparison needs one");
            }
        } else if (effect instanceof Effect.Linear) {
            throw new IllegalArgumentException("'linear' needs over: AXIS, the numeric axis to fit against");
        }
        where = Map.copyOf(where);
        ranked = ranked.stream().map(s -> (Map<String, String>) new LinkedHashMap<>(s)).map(Collections::unmodifiableMap).toList();
        if ((axis == null) != (treatment == null) || (axis == null) != (baseline == null)) {
            throw new IllegalArgumentException("axis, baseline and treatment go together");
        }
        if (effect instanceof Effect.Rank) {
            if (axis != null || ranked.size() < 2) {
                throw new IllegalArgumentException("a rank compares two or more selections, the candidate last");
            }
        } else if (!ranked.isEmpty()) {
            throw new IllegalArgumentException("ranked selections need the effect highest or lowest");
        } else if (axis == null && over == null && !(effect instanceof Effect.Absolute)) {
            throw new IllegalArgumentException("without a compared axis only an absolute bound can be checked");
        } else if (axis != null && effect instanceof Effect.Absolute) {
            throw new IllegalArgumentException("a comparison of two values needs a direction or a relative change");
        }
    }

    public Expectation(String experiment, String claim, String source, Map<String, String> where, String axis,
                       String baseline, String treatment, String metric, Effect effect) {
        this(experiment, claim, source, where, axis, baseline, treatment, metric, effect, List.of(), null);
    }

    public Expectation(String experiment, String claim, String source, Map<String, String> where, String axis,
                       String baseline, String treatment, String metric, Effect effect, List<Map<String, String>> ranked) {
        this(experiment, claim, source, where, axis, baseline, treatment, metric, effect, ranked, null);
    }

    public boolean fits() {
        return over != null;
    }

    public boolean ranks() {
        return !ranked.isEmpty();
    }

    /** The selection a rank claims is highest or lowest. */
    public Map<String, String> candidate() {
        return ranked.get(ranked.size() - 1);
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
        if (ranks()) {
            return Verdicts.selectionText(candidate()) + " vs " + ranked.subList(0, ranked.size() - 1).stream()
                    .map(Verdicts::selectionText).collect(Collectors.joining("; ")) + sel;
        }
        String fit = fits() ? (compares() ? ", slope over " : ", fit over ") + over : "";
        return (compares() ? axis + "=" + treatment + " vs " + baseline + sel : "runs" + (sel.isEmpty() ? "" : sel)) + fit;
    }
}
