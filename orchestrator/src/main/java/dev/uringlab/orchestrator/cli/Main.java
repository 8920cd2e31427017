package dev.uringlab.orchestrator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code uringlab <command>}. */
@Command(name = "uringlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs probed, pinned storage-workload sweeps from one experiment file.",
        subcommands = {RunCommand.class, PlanCommand.class, ProbesCommand.class, TopologyCommand.class,
                RestoreCommand.class, PlotCommand.class, CompareCommand.class, ImportCommand.class,
                BenchPlotCommand.class, OverheadCommand.class, LabCommand.class, ReproduceCommand.class, SubmitCommand.class,
                StatusCommand.class, CollectCommand.class, CdsTrainingCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("uringlab: " + ex.getMessage()
                    + " (see uringlab " + ex.getCommandLine().getCommandName() + " --help)");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }
}
