package dev.uringlab.orchestrator.host;

/** The host cannot provide what the experiment asks (no such device, a CPU set that resolves to nothing). */
public class HostException extends Exception {
    public HostException(String message) {
        super(message);
    }
}
