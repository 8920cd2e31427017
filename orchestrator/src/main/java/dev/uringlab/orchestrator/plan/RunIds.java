package dev.uringlab.orchestrator.plan;

import dev.uringlab.orchestrator.config.HostSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Run ids derived from parameters, so an interrupted sweep resumes where it stopped and a
 * changed parameter (even an unswept one) never reuses a stale result: a readable part for
 * the swept values and a short hash of everything that defines the run.
 */
public final class RunIds {

    /** Compiled once: a plan of 10^6 runs slugs every swept value of every run. */
    private static final Pattern NOT_SLUG = Pattern.compile("[^A-Za-z0-9.]+");

    private RunIds() {
    }

    public static String of(Map<String, Object> swept, int repetition, String definingText) {
        StringBuilder readable = new StringBuilder();
        swept.forEach((k, v) -> readable.append(readable.length() == 0 ? "" : "_")
                .append(slug(HostSpec.shortAxisName(k))).append('-').append(slug(String.valueOf(v))));
        if (readable.length() == 0) {
            readable.append("run");
        }
        readable.append("_r").append(repetition);
        return readable + "_" + hash(new TreeMap<>(swept) + "|" + repetition + "|" + definingText).substring(0, 8);
    }

    static String slug(String text) {
        return NOT_SLUG.matcher(text).replaceAll("");
    }

    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
