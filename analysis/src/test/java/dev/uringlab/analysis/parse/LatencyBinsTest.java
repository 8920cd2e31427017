package dev.uringlab.analysis.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uringlab.analysis.Goldens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Whole histograms from recorded tool output: every I/O is in a bin, and the bins give back the tool's own percentiles. */
class LatencyBinsTest {

    @Test
    void fioJsonPlusLatBinsHoldEveryIoAndReproduceFiosP99() throws Exception {
        String text = Goldens.read("/fio/fio-3.33-io_uring-qd16-lat-bins.json");
        JsonNode lat = new ObjectMapper().readTree(text).path("jobs").get(0).path("read").path("lat_ns");
        LatencyBins bins = FioJsonParser.latencyBins(text, "golden", "lat");
        assertNotNull(bins);
        assertEquals("fio json+ lat_ns.bins", bins.source());
        assertEquals(lat.path("N").asLong(), bins.total());
        // fio's calc_clat_percentiles: the first bin whose running count reaches p% of all.
        assertEquals(lat.path("percentile").path("99.000000").asLong(), percentile(bins.binsNs(), 99.0, false));
        assertEquals(lat.path("percentile").path("50.000000").asLong(), percentile(bins.binsNs(), 50.0, false));
        assertNotNull(FioJsonParser.latencyBins(text, "golden", "clat"));
    }

    @Test
    void noBinsWherefioPrintedNoneOrItsClatIsWrong() throws Exception {
        assertNull(FioJsonParser.latencyBins(Goldens.read("/fio/fio-3.33-io_uring-randread.json"), "plain json", "clat"));
        assertNull(FioJsonParser.latencyBins(Goldens.read("/fio/fio-3.33-randread-jsonplus.json"), "no lat_percentiles", "lat"));
        assertNull(FioJsonParser.latencyBins(Goldens.read("/fio/fio-3.33-sqpoll-clat-bug.json"), "sqpoll", "clat"));
    }

    @Test
    void ringbenchBinsHoldEverySampleAndReproduceItsPercentiles() throws Exception {
        String text = Goldens.read("/ringbench/ringbench-1-throughput-bins.json");
        JsonNode lat = new ObjectMapper().readTree(text).path("latency_us");
        LatencyBins bins = RingbenchJsonParser.latencyBins(text, "golden");
        assertNotNull(bins);
        assertEquals(lat.path("samples").asLong(), bins.total());
        // rb_hist_pct: the bucket reaching ceil(p% · n); keys are its value in whole ns, the JSON prints µs to 3 decimals.
        assertEquals(lat.path("p99").asDouble() * 1000, percentile(bins.binsNs(), 99.0, true), 1.0);
        assertEquals(lat.path("p50").asDouble() * 1000, percentile(bins.binsNs(), 50.0, true), 1.0);
        assertNull(RingbenchJsonParser.latencyBins(Goldens.read("/ringbench/ringbench-1-throughput-coop-fixed.json"), "no bins"));
    }

    private static long percentile(Map<Long, Long> bins, double p, boolean ceilRank) {
        long total = bins.values().stream().mapToLong(Long::longValue).sum();
        double want = p / 100 * total;
        double threshold = ceilRank ? Math.ceil(want) : want;
        long running = 0;
        for (Map.Entry<Long, Long> e : bins.entrySet()) {
            running += e.getValue();
            if (running >= threshold) {
                return e.getKey();
            }
        }
        throw new AssertionError("no bin reaches p" + p);
    }
}
