package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.run.Version;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"uringlab " + Version.get()};
    }
}
