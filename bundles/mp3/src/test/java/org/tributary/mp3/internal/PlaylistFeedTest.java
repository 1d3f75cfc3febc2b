package org.tributary.mp3.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

public class PlaylistFeedTest {

    private static final long MS = 1_000_000L;

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private final AtomicLong clock = new AtomicLong(5_000 * MS);
    private final Stations stations = new Stations();
    private final List<String> titles = new ArrayList<>();
    private Station station;

    private Path file(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        Path file = temp.getRoot().toPath().resolve(name);
        Files.write(file, all.toByteArray());
        return file;
    }

    private static byte[] titled(String title) {
        return Id3TagsTest.tag(3, 0, -1, Id3TagsTest.frame(3, "TIT2",
                Id3TagsTest.text(0, title, StandardCharsets.ISO_8859_1)));
    }

    /** MPEG-1 layer III frames at 48 kHz, 128 kbit/s: 384 bytes each. */
    private static byte[] frames48k(int count) {
        byte[] out = new byte[384 * count];
        for (int i = 0; i < count; i++) {
            out[i * 384] = (byte) 0xFF;
            out[i * 384 + 1] = (byte) 0xFB;
            out[i * 384 + 2] = (byte) 0x94;
            out[i * 384 + 3] = 0x64;
        }
        return out;
    }

    private PlaylistFeed feed(boolean loop, Path... files) throws Stations.Refused {
        PlaylistOrder order = new PlaylistOrder(() -> List.of(files), false, loop, new Random(1));
        PlaylistFeed feed = new PlaylistFeed("test", "/auto", order, stations::ended, clock::get,
                new RefusalLog(LoggerFactory.getLogger(PlaylistFeedTest.class)));
        station = stations.attach(feed, "/auto", new StationMetadata("test", "", "", "", "0", "", ""),
                Mp3Settings.DEFAULTS);
        feed.start(station);
        return feed;
    }

    private long tickAt(PlaylistFeed feed, long nanos) {
        clock.set(nanos);
        long delay = feed.tick();
        titles.add(station.title().text());
        return delay;
    }

    private byte[] ringBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StationRing ring = station.ring();
        for (long seq = ring.oldest(); seq < ring.next(); seq++) {
            ByteBuffer data = ring.get(seq).data().duplicate();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Test
    public void audioIsPacedByFrameDurationsAgainstTheStartClockWithoutDrift() throws Exception {
        PlaylistFeed feed = feed(true, file("a.mp3", TestFrames.frames(100)));
        long start = clock.get();
        long delay = tickAt(feed, start);
        assertTrue(feed.producedMicros() >= SourceFeed.CHUNK_MICROS);
        assertTrue(feed.producedMicros() < SourceFeed.CHUNK_MICROS + 200_000);
        long now = start;
        for (int i = 0; i < 500; i++) {
            // every tick runs 7 ms late: the lateness must not add up
            now += delay + 7 * MS;
            delay = tickAt(feed, now);
            long elapsedMicros = (now - start) / 1000;
            long ahead = feed.producedMicros() - elapsedMicros;
            assertTrue("ahead by " + ahead + " us", ahead >= SourceFeed.CHUNK_MICROS - 1000 && ahead < 500_000);
            assertTrue(delay >= 0 && delay < TimeUnit.SECONDS.toNanos(1));
        }
        long elapsed = (now - start) / 1000;
        assertTrue(elapsed > 60_000_000);
        long before = feed.producedMicros();
        tickAt(feed, now + TimeUnit.SECONDS.toNanos(10));
        long added = feed.producedMicros() - before;
        assertTrue("added " + added, added >= 9_500_000 && added < 10_600_000);
    }

    @Test
    public void oneContinuousStreamAcrossFilesWithEachFilesTitleAndNoTags() throws Exception {
        byte[] a = TestFrames.frames(10);
        byte[] b = TestFrames.frames(12);
        PlaylistFeed feed = feed(false, file("a.mp3", titled("First"), a, Id3TagsTest.v1("x", "y")),
                file("b.mp3", titled("Second"), b));
        long start = clock.get();
        tickAt(feed, start);
        assertEquals("y - First", station.title().text());
        long delay = 0;
        for (long t = start; delay != PlaylistFeed.DONE; t += 50 * MS) {
            delay = tickAt(feed, t);
        }
        assertTrue(titles.toString(), titles.contains("Second"));
        assertEquals("y - First", titles.get(0));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(a);
        expected.writeBytes(b);
        assertArrayEquals(expected.toByteArray(), ringBytes());
        assertTrue(station.ended());
        assertNull(stations.find("/auto"));
    }

    @Test
    public void unreadableMissingNonMp3AndOtherRateFilesAreSkipped() throws Exception {
        byte[] good = TestFrames.frames(20);
        Path missing = temp.getRoot().toPath().resolve("gone.mp3");
        Path garbage = file("text.mp3", "<html>not audio</html>\n".repeat(2000).getBytes(StandardCharsets.US_ASCII));
        Path tagsOnly = file("tags.mp3", titled("Nothing"));
        PlaylistFeed feed = feed(false, file("one.mp3", titled("One"), good), missing, garbage, tagsOnly,
                file("rate.mp3", titled("Rate"), frames48k(20)), file("two.mp3", titled("Two"), TestFrames.frames(5)));
        long delay = 0;
        for (long t = clock.get(); delay != PlaylistFeed.DONE; t += 100 * MS) {
            delay = tickAt(feed, t);
        }
        assertTrue(titles.toString(), titles.contains("One") && titles.contains("Two"));
        assertTrue(titles.toString(), !titles.contains("Rate") && !titles.contains("Nothing"));
        assertEquals(25 * TestFrames.SIZE, ringBytes().length);
    }

    @Test
    public void aLoopingPlaylistWithNothingPlayableEnds() throws Exception {
        Path garbage = file("junk.mp3", new byte[20_000]);
        PlaylistFeed feed = feed(true, garbage, temp.getRoot().toPath().resolve("missing.mp3"));
        assertEquals(PlaylistFeed.DONE, tickAt(feed, clock.get()));
        assertTrue(station.ended());
        assertEquals(PlaylistFeed.DONE, feed.tick());
    }

    @Test
    public void loopingGoesOnAfterTheLastFile() throws Exception {
        PlaylistFeed feed = feed(true, file("a.mp3", titled("A"), TestFrames.frames(3)),
                file("b.mp3", titled("B"), TestFrames.frames(3)));
        long start = clock.get();
        for (long t = start; t < start + TimeUnit.SECONDS.toNanos(2); t += 20 * MS) {
            tickAt(feed, t);
        }
        assertTrue(feed.producedMicros() >= 2_000_000);
        assertTrue(!station.ended());
        assertTrue(titles.toString(), titles.lastIndexOf("A") > titles.indexOf("B"));
        feed.stop("test over");
        assertTrue(station.ended());
        assertEquals(PlaylistFeed.DONE, feed.tick());
    }
}
