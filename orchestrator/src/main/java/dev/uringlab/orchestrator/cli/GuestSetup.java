package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.config.LabNeeds;
import dev.uringlab.orchestrator.lab.GuestLabel;
import dev.uringlab.orchestrator.process.ShortCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lab claim file's {@code setup:} commands, run in the guest before its runs. They may format
 * the emulated NVMe: outside a lab guest they are refused, whatever the caller asked.
 */
final class GuestSetup {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private GuestSetup() {
    }

    /** Empty when every command succeeded; else why the file's claims cannot be measured. */
    static Optional<String> run(LabNeeds needs, PrintStream out) throws IOException {
        return run(needs, GuestLabel.fromEnvironment(), out);
    }

    static Optional<String> run(LabNeeds needs, Map<String, Object> guest, PrintStream out) throws IOException {
        if (needs.setup().isEmpty()) {
            return Optional.empty();
        }
        if (guest.isEmpty()) {
            return Optional.of("lab.setup refused: this is not a lab guest (the commands may format its NVMe); "
                    + "run `uringlab reproduce --lab " + needs.preset() + "`");
        }
        for (String command : needs.setup()) {
            out.println("lab setup: " + command);
            ShortCommand.Result r = ShortCommand.run(List.of("sh", "-c", command), TIMEOUT);
            if (!r.ok()) {
                return Optional.of("lab.setup `" + command + "` " + (r.timedOut() ? "timed out after " + TIMEOUT.toMinutes()
                        + " min" : "exited " + r.exitCode()) + (r.stderr().isBlank() ? "" : ": " + r.stderrTail(2)));
            }
        }
        out.flush();
        return Optional.empty();
    }
}
