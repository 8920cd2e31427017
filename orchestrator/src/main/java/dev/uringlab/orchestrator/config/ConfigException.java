package dev.uringlab.orchestrator.config;

/** A problem in an experiment file or a CLI override; the message is one line, starting with file:line:col. */
public class ConfigException extends Exception {

    public ConfigException(Node.Position at, String what) {
        super(at + ": " + what);
    }

    public ConfigException(String message) {
        super(message);
    }
}
