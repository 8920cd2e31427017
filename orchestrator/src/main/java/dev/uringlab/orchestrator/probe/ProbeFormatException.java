package dev.uringlab.orchestrator.probe;

/** A probe script's header is wrong; the message starts with {@code file:line:}. */
public class ProbeFormatException extends RuntimeException {
    public ProbeFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
