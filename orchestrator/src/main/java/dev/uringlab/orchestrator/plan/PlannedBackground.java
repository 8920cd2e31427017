package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.BackgroundSpec;

import java.util.Collections;
import java.util.SortedSet;

/** A background workload with its CPU set resolved on this host. */
public record PlannedBackground(BackgroundSpec spec, SortedSet<Integer> cpus) {
    public PlannedBackground {
        cpus = Collections.unmodifiableSortedSet(cpus);
    }
}
