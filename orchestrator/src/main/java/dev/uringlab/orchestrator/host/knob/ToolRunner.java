package dev.uringlab.orchestrator.host.knob;

import dev.uringlab.orchestrator.host.HostException;
import dev.uringlab.orchestrator.process.ChildProcess;
import dev.uringlab.orchestrator.process.ToolException;
import dev.uringlab.orchestrator.process.Tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Runs modprobe/systemctl to completion and turns a failure into one line with the tool's own words. */
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
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("uringlab-" + tool, ".out");
            err = Files.createTempFile("uringlab-" + tool, ".err");
            List<String> argv = new ArrayList<>();
            argv.add(binary);
            argv.addAll(args);
            try (ChildProcess child = ChildProcess.start(tool, argv, out, err, null)) {
                OptionalInt code = child.waitFor(timeout);
                if (code.isEmpty()) {
                    child.stop(Duration.ofSeconds(2));
                    throw new HostException(String.join(" ", tool, String.join(" ", args)) + " did not finish within "
                            + timeout.toSeconds() + " s");
                }
                if (code.getAsInt() != 0) {
                    String why = child.stderrTail(2);
                    throw new HostException(tool + " " + String.join(" ", args) + " failed (exit " + code.getAsInt() + ")"
                            + (why.isEmpty() ? "" : ": " + why));
                }
            }
        } catch (ToolException e) {
            throw new HostException(e.getMessage());
        } catch (IOException e) {
            throw new HostException("cannot run " + tool + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(tool + " " + String.join(" ", args) + " was interrupted");
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }
}
