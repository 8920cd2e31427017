package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.process.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short host tool (apt-cache, dpkg-deb, depmod, cpio) to completion and returns its stdout. */
final class HostCommand {

    private HostCommand() {
    }

    static String run(List<String> argv, Path workDir, Duration timeout, String whatFor) throws LabException {
        if (Tools.which(argv.get(0)).isEmpty() && !argv.get(0).startsWith("/")) {
            throw LabException.missing(argv.get(0) + " not found, needed to " + whatFor
                    + " (install it: scripts/install-lab.sh)");
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            Process p = pb.start();
            // Outputs here are small (a package list, a module list): reading before waiting cannot stall.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw LabException.failed(String.join(" ", argv) + ": no answer in " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                String last = out.lines().reduce((a, b) -> b).orElse("");
                throw LabException.failed(argv.get(0) + " failed (exit " + p.exitValue() + ") while trying to " + whatFor
                        + ": " + last);
            }
            return out;
        } catch (IOException e) {
            throw LabException.failed("cannot run " + argv.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LabException.failed("interrupted while trying to " + whatFor);
        }
    }
}
