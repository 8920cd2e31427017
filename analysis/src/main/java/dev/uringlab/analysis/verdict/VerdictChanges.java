package dev.uringlab.analysis.verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** For {@code compare A B}: per expectation, the verdict in each result set and whether it changed. */
public final class VerdictChanges {

    private VerdictChanges() {
    }

    /** A Markdown section, empty when neither directory declares expectations. */
    public static String markdown(Path a, Path b) throws IOException {
        Map<String, VerdictResult> before = byClaim(Verdicts.judge(a).orElse(List.of()));
        Map<String, VerdictResult> after = byClaim(Verdicts.judge(b).orElse(List.of()));
        if (before.isEmpty() && after.isEmpty()) {
            return "";
        }
        Map<String, Expectation> all = new LinkedHashMap<>();
        before.forEach((k, v) -> all.put(k, v.expectation()));
        after.forEach((k, v) -> all.putIfAbsent(k, v.expectation()));
        StringBuilder out = new StringBuilder("## Verdicts\n\n| claim | source | metric | expected | A | B | |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Expectation> entry : all.entrySet()) {
            Expectation e = entry.getValue();
            String va = label(before.get(entry.getKey()));
            String vb = label(after.get(entry.getKey()));
            out.append("| ").append(e.claim()).append(" | ").append(e.source()).append(" | ").append(e.metric())
                    .append(" | ").append(e.effect().text()).append(" | ").append(va).append(" | ").append(vb)
                    .append(" | ").append(va.equals(vb) ? "unchanged" : "**changed**").append(" |\n");
        }
        return out.append('\n').toString();
    }

    private static String label(VerdictResult v) {
        return v == null ? "not declared" : v.verdict().label();
    }

    private static Map<String, VerdictResult> byClaim(List<VerdictResult> results) {
        Map<String, VerdictResult> out = new LinkedHashMap<>();
        for (VerdictResult v : results) {
            Expectation e = v.expectation();
            out.put(e.claim() + "\u0000" + e.comparedText() + "\u0000" + e.metric() + "\u0000" + e.effect().text(), v);
        }
        return out;
    }
}
