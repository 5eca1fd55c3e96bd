package org.consilium.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StageHistogramTest {

    private static String scrape(double at1ms, double at2ms, double at4ms, double inf) {
        return """
                # HELP consilium_live_stage_seconds time of one stage
                # TYPE consilium_live_stage_seconds histogram
                consilium_live_stage_seconds_bucket{stage="commit",le="0.001"} %s
                consilium_live_stage_seconds_bucket{stage="commit",le="0.002"} %s
                consilium_live_stage_seconds_bucket{stage="commit",le="0.004"} %s
                consilium_live_stage_seconds_bucket{stage="commit",le="+Inf"} %s
                consilium_live_stage_seconds_count{stage="commit"} %s
                consilium_live_stage_seconds_bucket{le="0.001",stage="send"} 7.0
                consilium_live_stage_seconds_bucket{le="+Inf",stage="send"} 7.0
                http_server_requests_seconds_bucket{le="0.001"} 99.0
                """.formatted(at1ms, at2ms, at4ms, inf, inf);
    }

    @Test
    void aWindowsPercentilesAreInterpolatedInsideTheirBucket() {
        StageHistogram before = StageHistogram.parse(scrape(10, 10, 10, 10));
        StageHistogram after = StageHistogram.parse(scrape(10, 60, 110, 110)); // 50 in (1,2] ms, 50 in (2,4] ms
        StageHistogram window = after.minus(before);

        assertEquals(100, window.count("commit"));
        assertEquals(2.0, window.millis("commit", 0.50), 1e-9);
        assertEquals(3.96, window.millis("commit", 0.99), 1e-9);
        assertEquals(0, window.count("send"), "a stage with no new samples in the window");
        assertTrue(Double.isNaN(window.millis("send", 0.5)));
        assertEquals(0, window.count("http"), "other meters are not read");
    }

    @Test
    void serversAddUpAndLabelOrderDoesNotMatter() {
        StageHistogram a = StageHistogram.parse(scrape(0, 0, 0, 0));
        StageHistogram b = StageHistogram.parse(scrape(4, 4, 4, 4));

        StageHistogram both = a.plus(b);
        assertEquals(14, both.count("send"));
        assertEquals(4, both.count("commit"));
        assertEquals(0.5, both.millis("commit", 0.5), 1e-9, "2 of 4 samples, all in (0, 1] ms");
    }

    @Test
    void samplesBeyondTheLastBoundReportThatBound() {
        StageHistogram h = StageHistogram.parse(scrape(0, 0, 90, 100));
        assertEquals(4.0, h.millis("commit", 0.99), 1e-9);
    }
}
