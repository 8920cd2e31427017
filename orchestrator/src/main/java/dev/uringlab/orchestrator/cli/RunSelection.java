package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.plan.ExperimentPlan;
import dev.uringlab.orchestrator.plan.Plan;
import dev.uringlab.orchestrator.plan.RunSpec;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code run --runs}: an id the plan does not have is refused, since silently running fewer runs would look like success. */
final class RunSelection {

    private RunSelection() {
    }

    static void check(Plan plan, Collection<String> wanted) throws ConfigException {
        // Streamed: the plan's ids are computed one at a time, so only the wanted ones are held.
        Set<String> missing = new LinkedHashSet<>(wanted);
        for (ExperimentPlan e : plan.experiments()) {
            for (RunSpec r : e.runs()) {
                if (missing.isEmpty()) {
                    break;
                }
                missing.remove(r.runId());
            }
        }
        for (String id : missing) {
            throw new ConfigException(plan.file().path() + ": --runs: no run '" + id
                    + "' in the plan (the file or a --set changed since the ids were taken? see uringlab plan)");
        }
    }
}
