package dev.uringlab.orchestrator.host.knob;

import java.time.Instant;
import java.util.Map;

/** One change as journaled before it was made: enough to undo it with nothing else at hand. */
public record JournalEntry(int seq, String kind, String target, String oldValue, String newValue, Instant at,
        Map<String, String> extra) {

    public JournalEntry {
        extra = Map.copyOf(extra);
    }
}
