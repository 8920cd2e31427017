package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.ConfigException;
import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.host.knob.NeedsRootException;
import dev.uringlab.orchestrator.process.ToolException;
import picocli.CommandLine;

/** Maps failures to one line and an exit code; the stack trace only with -v. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("-v"))
                || parsed.hasMatchedOption("-v");
        int code;
        if (ex instanceof NeedsRootException) {
            code = ExitCodes.MISSING_TOOL;
        } else if (ex instanceof ConfigException || ex instanceof HostException
                || ex instanceof dev.uringlab.analysis.parse.ParseException) {
            code = ExitCodes.USAGE;
        } else if (ex instanceof MissingToolException) {
            code = ExitCodes.MISSING_TOOL;
        } else if (ex instanceof ToolException) {
            code = ExitCodes.FAILURE;
        } else if (ex instanceof InterruptedException) {
            cli.getErr().println("uringlab: stopped; finished runs are kept, run the same command again to resume");
            return 130;
        } else {
            code = ExitCodes.FAILURE;
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cli.getErr().println("uringlab: " + message.lines().findFirst().orElse(message));
        if (verbose) {
            ex.printStackTrace(cli.getErr());
        } else if (!(ex instanceof ConfigException || ex instanceof HostException || ex instanceof ToolException
                || ex instanceof dev.uringlab.analysis.parse.ParseException)) {
            cli.getErr().println("(run with -v for the stack trace)");
        }
        return code;
    }
}
