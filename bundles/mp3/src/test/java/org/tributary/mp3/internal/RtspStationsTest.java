package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.After;
import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaSource;

public class RtspStationsTest {

    private static final String PW = "hackme";

    private final Mp3Broadcast broadcast = new Mp3Broadcast(new FakeSessions(), new FakeAccess(3),
            new Mp3Settings(PW, "", 1, 10, 0, 4, 10, 1000, false, "/stream", 64 * 1024, 0));
    private final FakeLive live = new FakeLive();
    private final Map<String, MediaSource> mounted = new ConcurrentHashMap<>();
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private RtspStations stations;
    private Runnable unwatch;

    private Runnable mount(String path, MediaSource source) {
        if (taken.contains(path) || mounted.putIfAbsent(path, source) != null) {
            return null;
        }
        return () -> mounted.remove(path, source);
    }

    private void watch(String prefix) {
        stations = new RtspStations(live, this::mount, RtspPaths.of(prefix, "/live/"), System::nanoTime);
        unwatch = broadcast.watch(stations::onAir);
    }

    @After
    public void stop() {
        if (unwatch != null) {
            unwatch.run();
            stations.close();
        }
        broadcast.deactivate();
    }

    private FakeExchange onAir(String mount) {
        FakeExchange source = new FakeExchange("PUT", mount).basic("source", PW).header("Content-Type", "audio/mpeg");
        broadcast.handle(source);
        assertEquals(200, source.status);
        return source;
    }

    private static void send(FakeExchange source, int frames) {
        source.receiver.data(ByteBuffer.wrap(TestFrames.frames(frames)));
    }

    @Test
    public void aStationIsPublishedWithOneMpaTrackMountedAtItsPathAndFedItsFramesUntilItEnds() throws MediaException {
        watch("");
        FakeExchange source = onAir("/radio");
        FakeLive.Published published = live.published.get("radio");
        assertTrue(published.sdp, published.sdp.contains("a=rtpmap:14 MPA/90000"));
        assertEquals("MP3 station /radio", published.publisher);
        assertEquals("MP3 station /radio (live broadcast /live/radio)", mounted.get("/radio").description());
        mounted.get("/radio").open("");
        assertEquals(List.of("radio"), live.opened);

        send(source, 20);
        assertEquals(20, published.rtp.size());
        assertEquals(14, published.rtp.get(0)[1]);
        assertEquals(1, published.rtcp.size());

        source.receiver.ended(null);
        assertTrue(published.closed);
        assertTrue(mounted.isEmpty());
    }

    @Test
    public void nothingLiesBelowAStationsOwnMount() {
        watch("");
        onAir("/radio");
        try {
            mounted.get("/radio").open("trackID=1/x");
            throw new AssertionError("opened");
        } catch (MediaException e) {
            assertEquals(MediaException.Reason.NOT_FOUND, e.reason());
        }
    }

    @Test
    public void stationsAlreadyOnAirGetTheirPathWhenTheLiveSourceComes() {
        FakeExchange source = onAir("/early");
        watch("");
        send(source, 20);
        assertEquals(20, live.published.get("early").rtp.size());
        assertTrue(mounted.containsKey("/early"));
    }

    @Test
    public void aLivePathBeingPublishedLeavesTheStationWithoutRtspButOnAir() {
        live.busy.add("radio");
        watch("");
        FakeExchange source = onAir("/radio");
        send(source, 20);
        assertTrue(live.all.isEmpty());
        assertTrue(mounted.isEmpty());
        assertEquals("/radio", broadcast.stations().get(0).mount());
    }

    @Test
    public void aPathAnotherSourceIsMountedAtLeavesTheStationWithoutRtsp() {
        taken.add("/radio");
        watch("");
        onAir("/radio");
        assertTrue(live.all.isEmpty());
    }

    @Test
    public void aFailingMountLeavesTheStationOnAirWithoutRtsp() {
        stations = new RtspStations(live, (path, source) -> {
            throw new IllegalStateException("bundle stopping");
        }, RtspPaths.of("", "/live/"), System::nanoTime);
        unwatch = broadcast.watch(stations::onAir);
        FakeExchange source = onAir("/radio");
        send(source, 20);
        assertTrue(live.all.isEmpty());
        assertEquals(1, broadcast.stations().size());
    }

    @Test
    public void underThePrefixOfTheLiveMountTheStationIsALiveBroadcastWithoutAMountOfItsOwn() {
        watch("/live");
        onAir("/radio");
        assertTrue(live.published.containsKey("radio"));
        assertTrue(mounted.isEmpty());
    }

    @Test
    public void underAnotherPrefixItsOwnMountIsThere() {
        watch("/mp3");
        onAir("/radio");
        assertTrue(live.published.containsKey("radio"));
        assertTrue(mounted.containsKey("/mp3/radio"));
    }

    @Test
    public void whenTheLiveSourceEndsTheBroadcastTheStationLosesItsPathOnly() {
        watch("");
        FakeExchange source = onAir("/radio");
        FakeLive.Published published = live.published.get("radio");
        published.onEnd.run();
        assertTrue(mounted.isEmpty());
        send(source, 20);
        assertTrue(published.rtp.isEmpty());
        assertEquals(1, broadcast.stations().size());
    }

    @Test
    public void closingEndsEveryPathAndLaterStationsGetNone() {
        watch("");
        onAir("/a");
        stations.close();
        assertTrue(live.published.get("a").closed);
        assertTrue(mounted.isEmpty());
        onAir("/b");
        assertNull(live.published.get("b"));
    }
}
