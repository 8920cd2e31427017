package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.lab.LabLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code uringlab lab shell}: an interactive shell in a guest; the guest stops when the shell exits. */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, name = "shell", description = "Boot a guest and open a shell in it on this terminal.")
final class LabShellCommand implements Callable<Integer> {

    @Mixin
    LabOptions lab;

    @Mixin
    VerboseMixin verbose;

    @Override
    public Integer call() throws Exception {
        return LabExits.run(() -> new LabLauncher(lab.toOptions(), System.out).shell());
    }
}
