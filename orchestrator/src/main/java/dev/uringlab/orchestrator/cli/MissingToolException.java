package dev.uringlab.orchestrator.cli;

import dev.uringlab.orchestrator.process.ToolException;

/** A tool or privilege the command needs is absent: exit code 3. */
final class MissingToolException extends ToolException {
    MissingToolException(String message) {
        super(message);
    }
}
