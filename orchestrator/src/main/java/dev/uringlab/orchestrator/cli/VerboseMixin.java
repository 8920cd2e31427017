package dev.uringlab.orchestrator.cli;

import picocli.CommandLine.Option;

/** -v: stack traces with errors. */
final class VerboseMixin {
    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;
}
