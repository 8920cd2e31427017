package dev.uringlab.orchestrator.slurm;

import dev.uringlab.orchestrator.process.ToolException;

/** Slurm is not installed here or does not answer: the command cannot do anything (exit 3). */
public final class SlurmUnavailableException extends ToolException {
    public SlurmUnavailableException(String message) {
        super(message);
    }
}
