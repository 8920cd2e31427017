package dev.uringlab.orchestrator.window;

import dev.uringlab.orchestrator.process.ToolException;

/**
 * What happens when a workload says its I/O begins ({@link #open}) or has ended ({@link #close}):
 * the run's probes are dumped. The workload waits until each call returns, so its first I/O and
 * its teardown fall on the right side of the dumps.
 */
public interface IoWindow {

    void open() throws ToolException;

    void close() throws ToolException;
}
