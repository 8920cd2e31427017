package dev.uringlab.orchestrator.config;

/** The typed options of one planned run, a record per workload kind, built once by the planner. */
public interface WorkloadOptions {
}
