package dev.uringlab.analysis.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uringlab.analysis.model.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads fio 3.x {@code --output-format=json} (or {@code json+}) into normalized {@link Metrics}.
 *
 * <p>Aggregation over all jobs and directions (read, write, trim; or fio's own "mixed" when
 * unified_rw_reporting put one there — then read/write are not counted again):
 * <ul>
 * <li>iops, bw_mb_s (bytes/1e6), total_ios, ctx_switches, io_errors: summed.</li>
 * <li>runtime_s: the longest direction runtime, as fio's group_reporting does.</li>
 * <li>usr/sys_cpu_pct: fio's per-job value (percent of one CPU), weighted by job runtime —
 *     the same number fio prints for the group under group_reporting, so grouped and
 *     ungrouped runs compare.</li>
 * <li>latency: see {@link FioLatencyMerge}. lat_p* only exist when fio ran with lat_percentiles=1;
 *     clat_* are left out where fio's clat is known to be wrong (see {@link #sqpollClatBroken}).</li>
 * </ul>
 */
public final class FioJsonParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DIRECTIONS = {"read", "write", "trim"};
    private static final Pattern VERSION = Pattern.compile("fio-(\\d+)\\.(\\d+)");

    private FioJsonParser() {
    }

    public static Metrics parse(Path file) throws ParseException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw ParseException.in(file.toString(), "cannot read fio output: " + e.getMessage());
        }
    }

    public static Metrics parse(String text, String sourceName) throws ParseException {
        int start = jsonStart(text);
        String prefix = text.substring(0, Math.max(start, 0));
        if (start < 0) {
            List<String> fio = FioErrors.messages(text);
            throw ParseException.in(sourceName, "no fio JSON report found"
                    + (fio.isEmpty() ? " (file is empty or not fio output)" : "; fio said: " + String.join("; ", fio)));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(start));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : (int) prefix.lines().count() + loc.getLineNr();
            throw ParseException.at(sourceName, line, "not valid fio JSON: " + e.getOriginalMessage());
        }
        JsonNode jobs = root.path("jobs");
        if (!jobs.isArray() || jobs.isEmpty()) {
            throw ParseException.in(sourceName, "fio JSON has no \"jobs\" (fio version "
                    + root.path("fio version").asText("unknown") + ")");
        }
        return aggregate(jobs, prefix, sourceName, sqpollClatBroken(root));
    }

    /**
     * fio before 3.36 set issue_time wrongly under sqthread_poll (axboe/fio#1484, fixed by
     * PR #1594), so clat is garbage there (655 ms against a true 73 µs on this lab's disk) while
     * lat, timed from submission by fio itself, stays right. Such clat is dropped, not reported.
     */
    static boolean sqpollClatBroken(JsonNode root) {
        boolean sqpoll = isOn(root.path("global options").path("sqthread_poll"));
        for (JsonNode job : root.path("jobs")) {
            sqpoll |= isOn(job.path("job options").path("sqthread_poll"));
        }
        if (!sqpoll) {
            return false;
        }
        Matcher v = VERSION.matcher(root.path("fio version").asText(""));
        return !v.find() || Integer.parseInt(v.group(1)) * 1000 + Integer.parseInt(v.group(2)) < 3036;
    }

    private static boolean isOn(JsonNode option) {
        return !option.isMissingNode() && !option.asText().isEmpty() && !"0".equals(option.asText());
    }

    private static Metrics aggregate(JsonNode jobs, String prefix, String sourceName, boolean dropClat)
            throws ParseException {
        double iops = 0, bwBytes = 0, totalIos = 0, ctx = 0, errors = 0, runtimeMs = 0;
        double usrWeighted = 0, sysWeighted = 0, cpuWeight = 0, usrPlain = 0, sysPlain = 0;
        FioLatencyMerge clat = new FioLatencyMerge("clat");
        FioLatencyMerge lat = new FioLatencyMerge("lat");
        int index = 0;
        for (JsonNode job : jobs) {
            index++;
            checkJobError(job, index, jobs.size(), prefix, sourceName);
            double jobRuntimeMs = 0;
            for (JsonNode dir : directionsOf(job)) {
                double dirRuntime = dir.path("runtime").asDouble(0);
                jobRuntimeMs = Math.max(jobRuntimeMs, dirRuntime);
                runtimeMs = Math.max(runtimeMs, dirRuntime);
                iops += dir.path("iops").asDouble(0);
                // bw_bytes appeared with fio 3.0; "bw" has always been KiB/s.
                bwBytes += dir.has("bw_bytes") ? dir.path("bw_bytes").asDouble() : dir.path("bw").asDouble(0) * 1024;
                totalIos += dir.has("total_ios") ? dir.path("total_ios").asDouble() : latencyNode(dir, "clat").path("N").asDouble(0);
                addLatency(clat, dir, "clat");
                addLatency(lat, dir, "lat");
            }
            ctx += job.path("ctx").asDouble(0);
            errors += job.path("total_err").asDouble(0); // present only with continue_on_error
            double weight = job.has("job_runtime") ? job.path("job_runtime").asDouble() : jobRuntimeMs;
            usrWeighted += job.path("usr_cpu").asDouble(0) * weight;
            sysWeighted += job.path("sys_cpu").asDouble(0) * weight;
            cpuWeight += weight;
            usrPlain += job.path("usr_cpu").asDouble(0);
            sysPlain += job.path("sys_cpu").asDouble(0);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metrics.IOPS, iops);
        m.put(Metrics.BW_MB_S, bwBytes / 1e6);
        if (!dropClat) {
            clat.putInto(m);
        }
        lat.putInto(m);
        m.put(Metrics.USR_CPU_PCT, cpuWeight > 0 ? usrWeighted / cpuWeight : usrPlain / jobs.size());
        m.put(Metrics.SYS_CPU_PCT, cpuWeight > 0 ? sysWeighted / cpuWeight : sysPlain / jobs.size());
        m.put(Metrics.CTX_SWITCHES, ctx);
        m.put(Metrics.TOTAL_IOS, totalIos);
        m.put(Metrics.RUNTIME_S, runtimeMs / 1000.0);
        m.put("io_errors", errors);
        return Metrics.of(m);
    }

    /**
     * The summed histogram of one latency kind ("lat" or "clat") over every job and direction that
     * did IO, from {@code --output-format=json+}; null when fio printed no bins for it (plain json,
     * or lat without lat_percentiles) or when its clat is the sqthread_poll garbage (see
     * {@link #sqpollClatBroken}).
     */
    public static LatencyBins latencyBins(String text, String sourceName, String kind) throws ParseException {
        int start = jsonStart(text);
        if (start < 0) {
            throw ParseException.in(sourceName, "no fio JSON report found");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(start));
        } catch (JsonProcessingException e) {
            throw ParseException.in(sourceName, "not valid fio JSON: " + e.getOriginalMessage());
        }
        if (kind.equals("clat") && sqpollClatBroken(root)) {
            return null;
        }
        java.util.TreeMap<Long, Long> bins = new java.util.TreeMap<>();
        for (JsonNode job : root.path("jobs")) {
            for (JsonNode dir : directionsOf(job)) {
                JsonNode b = dir.path(kind + "_ns").path("bins");
                if (!b.isObject() || b.isEmpty()) {
                    return null; // one direction without bins: a partial histogram would misstate the mix
                }
                LatencyBins.add(bins, b::fields);
            }
        }
        return bins.isEmpty() ? null : new LatencyBins("fio json+ " + kind + "_ns.bins", bins);
    }

    /** Directions that did IO; fio's "mixed" (unified_rw_reporting) replaces read/write/trim. */
    private static List<JsonNode> directionsOf(JsonNode job) {
        if (job.has("mixed")) {
            return List.of(job.get("mixed"));
        }
        List<JsonNode> dirs = new ArrayList<>();
        for (String name : DIRECTIONS) {
            JsonNode dir = job.get(name);
            if (dir != null && dir.path("total_ios").asLong(dir.path("io_bytes").asLong(0)) > 0) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    private static void addLatency(FioLatencyMerge merge, JsonNode dir, String kind) {
        JsonNode ns = dir.get(kind + "_ns");
        if (ns != null) {
            merge.add(ns, 1.0);
        } else if (dir.has(kind)) {
            merge.add(dir.get(kind), 1000.0); // fio < 3.0 reported microseconds under "clat"/"lat"
        }
    }

    private static JsonNode latencyNode(JsonNode dir, String kind) {
        return dir.has(kind + "_ns") ? dir.get(kind + "_ns") : dir.path(kind);
    }

    private static void checkJobError(JsonNode job, int index, int count, String prefix, String sourceName)
            throws ParseException {
        int error = job.path("error").asInt(0);
        if (error == 0) {
            return;
        }
        String name = job.path("jobname").asText("?");
        // When fio's report went to stdout, its own error line precedes the JSON: quote it.
        String fioSaid = FioErrors.messages(prefix).stream()
                .filter(s -> s.contains("err=" + error + "/") || s.contains("err=" + error + ","))
                .findFirst().map(s -> ": " + s).orElse("");
        throw ParseException.in(sourceName, "fio job '" + name + "' (" + index + " of " + count
                + ") failed with error " + FioErrors.describeErrno(error) + fioSaid);
    }

    /** Offset of the line that opens the report; fio may print notes and warnings first. */
    static int jsonStart(String text) {
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            if (line.stripLeading().startsWith("{")) {
                return offset + (line.length() - line.stripLeading().length());
            }
            offset += line.length() + 1;
        }
        return -1;
    }
}
