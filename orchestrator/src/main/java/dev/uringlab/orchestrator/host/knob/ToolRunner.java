package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.process.ShortCommand;
import dev.uringlab.orchestrator.process.Tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs modprobe/systemctl/sync to completion and turns a failure into one line with the tool's own words. */
final class ToolRunner {

    private ToolRunner() {
    }

    /** sbin is often missing from PATH under sudo or in IDEs, so look there too. */
    static Optional<String> find(String tool) {
        Optional<String> onPath = Tools.which(tool);
        if (onPath.isPresent()) {
            return onPath;
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    static void run(String tool, List<String> args, Duration timeout) throws HostException {
        String binary = find(tool).orElseThrow(() -> new HostException(tool + " not found (looked on PATH and in /usr/sbin, /sbin)"));
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.addAll(args);
        ShortCommand.Result result;
        try {
            result = ShortCommand.run(argv, timeout);
        } catch (IOException e) {
            throw new HostException("cannot run " + tool + ": " + e.getMessage());
        }
        if (result.timedOut()) {
            throw new HostException(String.join(" ", tool, String.join(" ", args)) + " did not finish within "
                    + timeout.toSeconds() + " s");
        }
        if (result.exitCode() != 0) {
            String why = result.stderrTail(2);
            throw new HostException(tool + " " + String.join(" ", args) + " failed (exit " + result.exitCode() + ")"
                    + (why.isEmpty() ? "" : ": " + why));
        }
    }
}
