package org.tributary.source.live.internal;

import static org.junit.Assert.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.tributary.api.Publication;

/** When the source ends a publisher, the protocol server is told, so the publisher's session ends too. */
public class PublisherEndTest {

    private final AtomicLong clock = new AtomicLong();
    private final LiveMediaSource source = new LiveMediaSource(clock::get);
    private final String sdp = AnnounceParserTest.resource("ffmpeg-h264-aac.sdp");

    public PublisherEndTest() throws Exception {
        // the fields are the fixture: a source on a fake clock, an ffmpeg announcement
    }

    private static AtomicInteger endings(Publication publication) {
        AtomicInteger ended = new AtomicInteger();
        publication.onEnd(ended::incrementAndGet);
        return ended;
    }

    @Test
    public void stoppingTheSourceEndsItsPublishers() throws Exception {
        AtomicInteger cam1 = endings(source.publish("cam1", sdp, "a:1"));
        AtomicInteger cam2 = endings(source.publish("cam2", sdp, "b:2"));
        source.deactivate();
        assertEquals(1, cam1.get());
        assertEquals(1, cam2.get());
    }

    @Test
    public void closeByThePublisherIsNotToldBack() throws Exception {
        Publication publication = source.publish("cam1", sdp, "a:1");
        AtomicInteger ended = endings(publication);
        publication.close();
        source.deactivate();
        assertEquals(0, ended.get());
    }

    @Test
    public void aReplacedPublisherIsToldOnce() throws Exception {
        source.configure(new LiveSettings("/live/", 20, 0, true, 16384, 8));
        AtomicInteger first = endings(source.publish("cam1", sdp, "a:1"));
        AtomicInteger second = endings(source.publish("cam1", sdp, "b:2"));
        assertEquals(1, first.get());
        assertEquals(0, second.get());
        source.publish("cam1", sdp.replace("96", "98"), "c:3");
        assertEquals("other media end the broadcast and its publisher", 1, second.get());
        assertEquals(1, first.get());
    }

    @Test
    public void aSilentPublisherIsTold() throws Exception {
        AtomicInteger ended = endings(source.publish("cam1", sdp, "a:1"));
        clock.addAndGet(TimeUnit.SECONDS.toNanos(20));
        source.checkTimeouts();
        assertEquals(1, ended.get());
    }

    @Test
    public void aListenerAddedAfterTheEndRunsAtOnce() throws Exception {
        Publication publication = source.publish("cam1", sdp, "a:1");
        source.deactivate();
        assertEquals(1, endings(publication).get());
    }

    @Test
    public void refusedPacketsCountAsDropped() throws Exception {
        Publication publication = source.publish("cam1", sdp, "a:1");
        publication.refused(0, "from 127.0.0.1:9, not the sender 127.0.0.1:5000");
        publication.refused(1, "SSRC 00000001, not SSRC 00000002");
        assertEquals(2, source.stats().get(0).dropped());
        assertEquals(2, source.broadcasts().get(0).dropped());
    }
}
