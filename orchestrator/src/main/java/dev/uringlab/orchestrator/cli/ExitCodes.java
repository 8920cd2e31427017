package dev.uringlab.orchestrator.cli;

/** The exit codes every command keeps to. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int MISSING_TOOL = 3;

    private ExitCodes() {
    }
}
