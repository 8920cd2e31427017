package dev.uringlab.orchestrator.cli;

import dev.uringlab.analysis.verdict.Expectation;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.RunSpec;
import dev.uringlab.orchestrator.probe.ResolvedProbe;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The claims an experiment will check, and which this host cannot measure — said before anything runs. */
final class PlanExpectations {

    private PlanExpectations() {
    }

    static void print(ExperimentPlan plan, List<Expectation> claims, PrintWriter out) {
        if (claims.isEmpty()) {
            return;
        }
        out.println("  expect:");
        for (Expectation e : claims) {
            out.printf("    - %s (%s): %s %s, %s%n", e.claim(), e.source(), e.metric(), e.effect().text(), e.comparedText());
            unmeasurable(plan, e).ifPresent(reason -> out.println("      NOT MEASURABLE HERE: " + reason));
        }
    }

    static Optional<String> unmeasurable(ExperimentPlan plan, Expectation e) {
        String probe = e.probe();
        for (ResolvedProbe p : plan.probes()) {
            if (p.id().equals(probe) && !p.available()) {
                return Optional.of("probe " + probe + " unavailable: " + p.unavailableReason());
            }
        }
        List<Map<String, String>> sides = e.compares() ? List.of(Map.of(e.axis(), e.baseline()), Map.of(e.axis(), e.treatment()))
                : e.ranks() ? e.ranked() : List.of(Map.of());
        for (Map<String, String> side : sides) {
            boolean planned = plan.runs().stream().anyMatch(r -> matches(r, e.where(), side));
            if (!planned) {
                return Optional.of("no planned run at " + e.comparedText() + (side.isEmpty() ? "" : " (" + side.entrySet()
                        .stream().map(s -> s.getKey() + "=" + s.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ")"));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(RunSpec run, Map<String, String> where, Map<String, String> side) {
        Map<String, Object> swept = run.swept();
        return java.util.stream.Stream.of(where, side).flatMap(m -> m.entrySet().stream())
                .allMatch(w -> w.getValue().equals(String.valueOf(swept.get(w.getKey()))));
    }
}
