package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.plan.RunSpec;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code run --runs}: an id the plan does not have is refused, since silently running fewer runs would look like success. */
final class RunSelection {

    private RunSelection() {
    }

    static void check(Plan plan, Collection<String> wanted) throws ConfigException {
        Set<String> planned = plan.experiments().stream().flatMap(e -> e.runs().stream()).map(RunSpec::runId)
                .collect(Collectors.toSet());
        for (String id : wanted) {
            if (!planned.contains(id)) {
                throw new ConfigException(plan.file().path() + ": --runs: no run '" + id
                        + "' in the plan (the file or a --set changed since the ids were taken? see uringlab plan)");
            }
        }
    }
}
