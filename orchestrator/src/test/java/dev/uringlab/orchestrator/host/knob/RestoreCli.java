package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.cli.RestoreCommand;
import picocli.CommandLine;

/** Runs the real {@code uringlab restore} command in a subprocess (it reads URINGLAB_HOST_ROOT). */
public final class RestoreCli {
    public static void main(String[] args) {
        System.exit(new CommandLine(new RestoreCommand()).execute(args));
    }
}
