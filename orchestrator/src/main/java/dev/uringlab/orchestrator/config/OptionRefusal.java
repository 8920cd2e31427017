package dev.uringlab.orchestrator.config;

/** A kind's refusal of one option whose message does not start with its field (see {@link LocatedValues#error}). */
public final class OptionRefusal extends IllegalArgumentException {

    private final String path;

    /** @param path the option's dotted path below {@code workload:} */
    public OptionRefusal(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
