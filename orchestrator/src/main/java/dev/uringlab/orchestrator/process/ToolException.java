package dev.uringlab.orchestrator.process;

/** An external tool failed or is missing; the message is one line fit for the user. */
public class ToolException extends Exception {
    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
