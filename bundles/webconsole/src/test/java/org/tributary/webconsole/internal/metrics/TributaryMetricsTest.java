package org.tributary.webconsole.internal.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.Test;
import org.tributary.webconsole.internal.model.FakeServices;
import org.tributary.webconsole.internal.model.ServerFigures;

public class TributaryMetricsTest {

    private final FakeServices services = new FakeServices();
    private final TributaryMetrics metrics = new TributaryMetrics(() -> ServerFigures.of(services, 3));

    private String scrape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.scrape(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void figuresAreReadAtEachScrape() throws Exception {
        services.rtsp(8554);
        FakeServices.FakeSession s = services.session("1", "/a.mp4", "127.0.0.1:1", "viewer");
        s.bytesSent = 1000;
        String first = scrape();
        assertTrue(first, first.contains("tributary_sent_bytes_total 1000.0"));
        assertTrue(first, first.contains("tributary_sessions{kind=\"viewer\",protocol=\"RTSP\"} 1.0"));
        assertTrue(first, first.contains("tributary_serving 1.0"));

        s.bytesSent = 5000;
        assertTrue(scrape().contains("tributary_sent_bytes_total 5000.0"));
    }

    @Test
    public void perPathSessionsAreBoundedWithTheRestAsOther() throws Exception {
        for (int i = 0; i < 10; i++) {
            services.session("s" + i, "/p" + (i % 5), "127.0.0.1:" + i, "viewer");
        }
        services.session("x", "/p0", "127.0.0.1:99", "viewer");

        String text = scrape();

        assertEquals(4, text.lines().filter(l -> l.startsWith("tributary_path_sessions{")).count());
        assertTrue(text, text.contains("tributary_path_sessions{path=\"/p0\"} 3.0"));
        assertTrue(text, text.contains("tributary_path_sessions{path=\"other\"} 4.0"));
    }

    @Test
    public void boundedKeepsTheBusiestPaths() {
        Map<String, Long> bounded = ServerFigures.of(services, 2).sessionsByPath();
        assertTrue(bounded.isEmpty());
    }
}
