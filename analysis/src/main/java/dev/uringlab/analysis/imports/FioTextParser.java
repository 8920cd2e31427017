package dev.uringlab.analysis.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uringlab.analysis.parse.FioJsonParser;
import dev.uringlab.analysis.parse.ParseException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads fio 3.x's default human-readable output ({@code --output-format=normal}), one or many
 * jobs, group_reporting or not, latencies in nsec/usec/msec as fio chose to print them.
 *
 * <p>It rebuilds the few fields of fio's JSON that {@link FioJsonParser} uses and hands them to
 * it, so imported and native runs are aggregated by the very same rules (IO-weighted means,
 * summed IOPS, percentile merging, runtime-weighted CPU). IOPS are recomputed from the issued
 * IO count and the runtime in ms (fio's own formula) because the printed "IOPS=102k" is rounded;
 * percentiles keep the precision fio printed (whole µs in the usual case). fio pads narrow values
 * ({@code avg= 5.63, stdev= 9.64}): a space after '=' is part of its format. Lines it does not
 * know are skipped, so bpftrace output or shell noise in the same file does no harm; a line
 * it does know but cannot read is an error naming the file and line.
 */
public final class FioTextParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A job result line; also where {@link CaptureSplitter} sees a run. */
    static final Pattern JOB = Pattern.compile("^(\\S.*?): \\(groupid=\\d+, jobs=(\\d+)\\): err=\\s*(\\d+)");
    /** A job header line; a header after a result starts the next run of a capture. */
    // fio prints a block size with four digits and a binary unit: 4096B, 64.0KiB, 128KiB, 1024KiB.
    static final Pattern HEADER = Pattern.compile("^(\\S.*?): \\(g=\\d+\\): rw=(\\w+), bs=\\(R\\) ([\\d.]+[KMG]?i?B)-([\\d.]+[KMG]?i?B)"
            + ".*?ioengine=(\\S+), iodepth=(\\d+)");
    private static final Pattern DIRECTION_START = Pattern.compile("^\\s+(read|write|trim|mixed)\\s*:");
    private static final Pattern DIRECTION = Pattern.compile(
            "^\\s+(read|write|trim|mixed)\\s*: IOPS=[^,]+, BW=[^(]+\\(([\\d.]+)([kMGT]?B)/s\\)\\([^/]+/(\\d+)msec\\)");
    private static final Pattern LAT_START = Pattern.compile("^\\s+(slat|clat|lat)\\s+\\((nsec|usec|msec)\\):\\s*min=");
    private static final Pattern LAT = Pattern.compile(
            "^\\s+(slat|clat|lat)\\s+\\((nsec|usec|msec)\\):\\s*min=\\s*[\\d.]+[kKM]?, max=\\s*[\\d.]+[kKM]?, avg=\\s*([\\d.]+), stdev=\\s*[\\d.]+");
    private static final Pattern PCT_HEADER = Pattern.compile("^\\s+(clat|lat) percentiles \\((nsec|usec|msec)\\):");
    private static final Pattern PCT_ROW = Pattern.compile("^\\s+\\|");
    private static final Pattern PCT_ITEM = Pattern.compile("([\\d.]+)th=\\[\\s*(\\d+)\\]");
    private static final Pattern CPU = Pattern.compile("^\\s+cpu\\s+: usr=\\s*([\\d.]+)%, sys=\\s*([\\d.]+)%, ctx=\\s*(\\d+)");
    private static final Pattern ISSUED = Pattern.compile("^\\s+issued rwts: total=(\\d+),(\\d+),(\\d+),(\\d+)");
    private static final Pattern VERSION = Pattern.compile("^(fio-\\d+\\.\\d+\\S*)\\s*$");
    private static final String[] DIRS = {"read", "write", "trim"};

    private FioTextParser() {
    }

    /** What the text says: the metrics, and the job parameters fio printed in its header line. */
    public record Result(dev.uringlab.analysis.model.Metrics metrics, Map<String, Object> params, String fioVersion) {
    }

    public static Result parse(String text, String source) throws ParseException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode jobs = root.putArray("jobs");
        Map<String, Object> params = new LinkedHashMap<>();
        String version = "fio-3";
        ObjectNode job = null;
        ObjectNode dir = null;
        ObjectNode pct = null;
        double pctUnit = 1;
        long processes = 0;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            Matcher m;
            if (pct != null && PCT_ROW.matcher(line).find()) {
                Matcher item = PCT_ITEM.matcher(line);
                int found = 0;
                while (item.find()) {
                    pct.put(String.format(Locale.ROOT, "%.6f", Double.parseDouble(item.group(1))), Double.parseDouble(item.group(2)) * pctUnit);
                    found++;
                }
                if (found == 0) {
                    throw ParseException.at(source, lineNo, "unreadable fio percentile row: " + line.strip());
                }
                continue;
            }
            pct = null;
            if ((m = VERSION.matcher(line)).find()) {
                version = m.group(1);
                root.put("fio version", version);
            } else if ((m = HEADER.matcher(line)).find() && params.isEmpty()) {
                params.put("engine", m.group(5));
                params.put("rw", m.group(2));
                params.put("bs", m.group(3).equals(m.group(4)) ? size(bytes(m.group(3))) : size(bytes(m.group(3))) + "-" + size(bytes(m.group(4))));
                params.put("iodepth", Long.parseLong(m.group(6)));
            } else if ((m = JOB.matcher(line)).find()) {
                job = jobs.addObject();
                job.put("jobname", m.group(1));
                job.put("error", Integer.parseInt(m.group(3)));
                processes += Long.parseLong(m.group(2));
                dir = null;
            } else if (DIRECTION_START.matcher(line).find() && line.contains("IOPS=")) {
                m = DIRECTION.matcher(line);
                if (!m.find() || job == null) {
                    throw ParseException.at(source, lineNo, job == null ? "fio direction line before any job header"
                            : "unreadable fio direction line: " + line.strip());
                }
                dir = job.putObject(m.group(1));
                dir.put("runtime", Long.parseLong(m.group(4)));
                dir.put("bw_bytes", Double.parseDouble(m.group(2)) * decimalUnit(m.group(3)));
            } else if (LAT_START.matcher(line).find()) {
                m = LAT.matcher(line);
                if (!m.find() || dir == null) {
                    throw ParseException.at(source, lineNo, "unreadable fio latency line: " + line.strip());
                }
                if (!m.group(1).equals("slat")) {
                    latency(dir, m.group(1)).put("mean", Double.parseDouble(m.group(3)) * nsPer(m.group(2)));
                }
            } else if ((m = PCT_HEADER.matcher(line)).find()) {
                if (dir == null) {
                    throw ParseException.at(source, lineNo, "fio percentiles outside a job");
                }
                pct = latency(dir, m.group(1)).putObject("percentile");
                pctUnit = nsPer(m.group(2));
            } else if ((m = CPU.matcher(line)).find() && job != null) {
                job.put("usr_cpu", Double.parseDouble(m.group(1)));
                job.put("sys_cpu", Double.parseDouble(m.group(2)));
                job.put("ctx", Long.parseLong(m.group(3)));
            } else if ((m = ISSUED.matcher(line)).find() && job != null) {
                issued(job, m);
            }
        }
        if (jobs.isEmpty()) {
            throw ParseException.in(source, "no fio job results found (expected a line like "
                    + "'name: (groupid=0, jobs=1): err= 0: ...'; is this fio's normal output?)");
        }
        params.put("numjobs", processes);
        var metrics = FioJsonParser.parse(root.toString(), source);
        return new Result(metrics, params, version);
    }

    /** fio's "issued rwts" gives each direction's IO count, which is also every latency's sample count. */
    private static void issued(ObjectNode job, Matcher m) {
        for (int d = 0; d < DIRS.length; d++) {
            long n = Long.parseLong(m.group(d + 1));
            ObjectNode dir = job.has("mixed") ? (ObjectNode) job.get("mixed") : (ObjectNode) job.get(DIRS[d]);
            if (dir == null || n == 0 && !job.has("mixed")) {
                continue;
            }
            long total = dir.path("total_ios").asLong(0) + n;
            dir.put("total_ios", total);
            double runtime = dir.path("runtime").asDouble(0);
            dir.put("iops", runtime > 0 ? total * 1000.0 / runtime : 0);
            for (String kind : new String[] {"clat_ns", "lat_ns"}) {
                if (dir.has(kind)) {
                    ((ObjectNode) dir.get(kind)).put("N", total);
                }
            }
        }
    }

    private static ObjectNode latency(ObjectNode dir, String kind) {
        String key = kind + "_ns";
        return dir.has(key) ? (ObjectNode) dir.get(key) : dir.putObject(key);
    }

    private static double nsPer(String unit) {
        return switch (unit) {
            case "usec" -> 1e3;
            case "msec" -> 1e6;
            default -> 1;
        };
    }

    private static double decimalUnit(String unit) {
        return switch (unit) {
            case "kB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            default -> 1;
        };
    }

    /** 4096 → "4k", as experiment files write block sizes. */
    /** "4096B" → 4096, "64.0KiB" → 65536. */
    static long bytes(String fioSize) {
        int unit = fioSize.indexOf('i') > 0 ? fioSize.indexOf('i') - 1 : fioSize.length() - 1;
        double number = Double.parseDouble(fioSize.substring(0, unit));
        long scale = switch (fioSize.charAt(unit)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Math.round(number * scale);
    }

    static String size(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "m";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + "k" : Long.toString(bytes);
    }

}
