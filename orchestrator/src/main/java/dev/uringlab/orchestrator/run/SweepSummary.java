package dev.uringlab.orchestrator.run;

/** What a sweep did; the CLI turns it into an exit code. */
public record SweepSummary(int ok, int failed, int skipped, double wallSeconds, double workloadSeconds) {
}
