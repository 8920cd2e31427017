package dev.uringlab.analysis.io;

import dev.uringlab.analysis.model.RunRecord;
import dev.uringlab.analysis.parse.FioJsonParser;
import dev.uringlab.analysis.parse.LatencyBins;
import dev.uringlab.analysis.parse.ParseException;
import dev.uringlab.analysis.parse.RingbenchJsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's latency histogram, read from the tool's own output kept beside run.json (fio.json
 * written with json+, ringbench.json), only when a CDF asks for it: run.json stays small, so
 * reading ten thousand of them stays fast, and nothing is lost since the raw output is the record.
 */
public final class RunHistograms {

    /** No run directories (runs built in memory): every CDF falls back to percentiles. */
    public static final RunHistograms NONE = new RunHistograms(null);

    private final Path runsDir;

    public RunHistograms(Path runsDir) {
        this.runsDir = runsDir;
    }

    /**
     * The run's histogram of {@code kind} ("lat" or "clat"); null when the run kept none (plain
     * json, an imported or synthetic run, ringbench before bins, or fio's broken sqpoll clat).
     */
    public LatencyBins of(RunRecord run, String kind) {
        if (runsDir == null) {
            return null;
        }
        Path dir = runsDir.resolve(run.runId());
        try {
            Path fio = dir.resolve("fio.json");
            if (Files.isRegularFile(fio)) {
                return FioJsonParser.latencyBins(Files.readString(fio), fio.toString(), kind);
            }
            Path ringbench = dir.resolve("ringbench.json");
            if (Files.isRegularFile(ringbench) && kind.equals("lat")) {
                // ringbench times submit to completion: fio's "lat".
                return RingbenchJsonParser.latencyBins(Files.readString(ringbench), ringbench.toString());
            }
        } catch (IOException | ParseException e) {
            return null; // the run's metrics came from the same file and were accepted; a CDF is not worth failing for
        }
        return null;
    }
}
