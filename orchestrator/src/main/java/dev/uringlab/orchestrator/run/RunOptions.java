package dev.uringlab.orchestrator.run;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How a sweep runs: where results go, whether finished runs are redone, where progress is printed,
 * and whether every run attaches its own probe tool instead of sharing the experiment's one.
 */
public record RunOptions(Path resultsRoot, boolean force, PrintStream out, boolean probesPerRun) {

    public RunOptions(Path resultsRoot, boolean force, PrintStream out) {
        this(resultsRoot, force, out, false);
    }
}
