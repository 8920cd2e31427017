package dev.uringlab.analysis.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * runs/&lt;id&gt;/host.json: the host state a run ran under (IRQ map, queues, governor, ...; keys as
 * the host snapshot names them) and what moved while it ran.
 */
public record RunHostState(Map<String, Object> before, List<String> changedDuringRun) {

    public RunHostState {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        changedDuringRun = List.copyOf(changedDuringRun);
    }
}
