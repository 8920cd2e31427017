package dev.uringlab.orchestrator.lab;

import dev.uringlab.orchestrator.process.ToolException;

/** The lab cannot boot or run its guest; {@code missingTool} says a tool the README installs is absent (exit 3). */
public final class LabException extends ToolException {

    private final boolean missingTool;

    public LabException(String message, boolean missingTool) {
        super(message);
        this.missingTool = missingTool;
    }

    public static LabException missing(String message) {
        return new LabException(message, true);
    }

    public static LabException failed(String message) {
        return new LabException(message, false);
    }

    public boolean missingTool() {
        return missingTool;
    }
}
