package dev.uringlab.orchestrator.config;

/** A problem in an experiment file or a CLI override; the message is one line, starting with file:line:col. */
public class ConfigException extends Exception {

    private final transient Node.Position position;
    private final String detail;

    public ConfigException(Node.Position at, String what) {
        super(at + ": " + what);
        this.position = at;
        this.detail = what;
    }

    public ConfigException(String message) {
        super(message);
        this.position = null;
        this.detail = message;
    }

    /** Where the problem was written; null when the message names its place itself. */
    public Node.Position position() {
        return position;
    }

    /** The message without its position. */
    public String detail() {
        return detail;
    }
}
