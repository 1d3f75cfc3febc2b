package org.tributary.webconsole.internal.model;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import org.junit.Test;

public class HistoryTest {

    @Test
    public void samplesBitRatesAndKeepsTenMinutes() {
        FakeServices services = new FakeServices();
        FakeServices.FakeSession s = services.session("1", "/a", "127.0.0.1:1", "viewer");
        History history = new History();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");

        history.sample(services, t);
        s.bytesSent = 5_000;
        history.sample(services, t.plusSeconds(5));

        assertEquals(8_000, history.latest().bitRateOut());
        assertEquals(1, history.latest().sessions());
        assertEquals(8_000, history.bitRate(s, t.plusSeconds(5)));

        for (int i = 2; i < 500; i++) {
            history.sample(services, t.plusSeconds(5L * i));
        }
        assertEquals(120, history.samples().size());
        assertEquals(0, history.latest().bitRateOut());
    }

    @Test
    public void aSessionNoSampleCoversYetShowsItsAverage() {
        FakeServices services = new FakeServices();
        FakeServices.FakeSession s = services.session("1", "/a", "127.0.0.1:1", "viewer");
        s.bytesSent = 10_000;
        // created at 00:00:01, reported at 00:00:11: 80,000 bits in 10 s
        assertEquals(8_000, new History().bitRate(s, Instant.parse("2026-01-01T00:00:11Z")));
    }
}
