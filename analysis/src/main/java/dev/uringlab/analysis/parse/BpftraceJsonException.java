package dev.uringlab.analysis.parse;

/** bpftrace's {@code -f json} output could not be read; the message names the line. */
public class BpftraceJsonException extends RuntimeException {
    public BpftraceJsonException(String message) {
        super(message);
    }
}
