package dev.uringlab.orchestrator.cli;

import java.util.List;
import java.util.Map;

/** {@code --fail-on}: which verdicts make {@code run} and {@code reproduce} exit 1, so a regression job can gate on them. */
enum FailOn {
    NEVER(List.of()),
    NOT_REPRODUCED(List.of("not reproduced")),
    INCONCLUSIVE(List.of("not reproduced", "inconclusive"));

    private final List<String> failing;

    FailOn(List<String> failing) {
        this.failing = failing;
    }

    /** picocli spells the values as users type them: not-reproduced. */
    static FailOn parse(String text) {
        for (FailOn f : values()) {
            if (f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(text)) {
                return f;
            }
        }
        throw new picocli.CommandLine.TypeConversionException("'" + text
                + "' is not a verdict to fail on; use not-reproduced, inconclusive or never");
    }

    boolean fails(List<Map<String, String>> verdicts) {
        return verdicts.stream().anyMatch(r -> failing.contains(r.get("verdict")));
    }
}
