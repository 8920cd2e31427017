package dev.uringlab.orchestrator.run;

import java.io.PrintStream;
import java.nio.file.Path;

/** How a sweep runs: where results go, whether finished runs are redone, where progress is printed. */
public record RunOptions(Path resultsRoot, boolean force, PrintStream out) {
}
