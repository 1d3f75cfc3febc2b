package org.tributary.source.live.internal.playlist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.junit.Test;
import org.tributary.source.live.internal.playlist.CapturingLive.Packet;

public class PlaylistPlayerTest {

    private static final long SECOND = 1_000_000_000L;
    /** Per one-second item: STAP-A with SPS and PPS, the IDR, three more pictures. */
    private static final int VIDEO_PACKETS = 5;
    private static final int AUDIO_PACKETS = 2;

    private long now;
    private final FakeMovies movies = new FakeMovies().add("/a.mp4").add("/b.mp4").add("/c.mp4")
            .add("/odd.mp4", FakeMovies.AAC_44K_STEREO, 44_100);
    private final CapturingLive live = new CapturingLive(() -> now);

    private PlaylistPlayer player(PlaylistMode mode, String items) {
        Playlist playlist = new Playlist(PlaylistEntry.parseAll(new String[] {items}), mode, new Random(1));
        return new PlaylistPlayer("channel1", playlist, movies, live, () -> now, new Random(7));
    }

    /** Runs the player as its scheduler would: each tick when the previous one asked, up to a time. */
    private void runUntil(PlaylistPlayer player, double seconds) {
        long limit = (long) (seconds * SECOND);
        long delay = player.tick();
        for (int ticks = 0; delay != PlaylistPlayer.DONE && now + delay <= limit; ticks++) {
            assertTrue("tick asked for a negative delay", delay >= 0);
            assertTrue("more ticks than samples: a busy loop", ticks < 10_000);
            now += delay;
            delay = player.tick();
        }
    }

    /** @return the status with the clock moved on to {@code seconds}, between two ticks */
    private PlaylistStatus statusAt(PlaylistPlayer player, double seconds) {
        now = (long) (seconds * SECOND);
        return player.status();
    }

    @Test
    public void timestampsAndSequenceNumbersRunOnAcrossItems() {
        runUntil(player(PlaylistMode.SEQUENTIAL, "/a.mp4;/b.mp4"), 10);

        List<Packet> video = live.rtp(0);
        assertEquals(2 * VIDEO_PACKETS, video.size());
        long t0 = video.get(0).timestamp();
        long[] expected = {0, 0, 22_500, 45_000, 67_500, 90_000, 90_000, 112_500, 135_000, 157_500};
        for (int i = 0; i < video.size(); i++) {
            Packet p = video.get(i);
            assertEquals("video timestamp " + i, (t0 + expected[i]) & 0xffffffffL, p.timestamp());
            assertEquals("video sequence " + i, (video.get(0).sequence() + i) & 0xffff, p.sequence());
            assertEquals(video.get(0).ssrc(), p.ssrc());
            assertEquals(96, p.payloadType());
            assertEquals(2, (p.bytes()[0] & 0xff) >> 6);
        }
        // the marker ends each picture, not the parameter sets before it
        assertEquals(List.of(false, true, true, true, true), video.subList(0, 5).stream().map(Packet::marker).toList());

        List<Packet> audio = live.rtp(1);
        assertEquals(2 * AUDIO_PACKETS, audio.size());
        long a0 = audio.get(0).timestamp();
        for (int i = 0; i < audio.size(); i++) {
            assertEquals("audio timestamp " + i, (a0 + 24_000L * i) & 0xffffffffL, audio.get(i).timestamp());
            assertEquals((audio.get(0).sequence() + i) & 0xffff, audio.get(i).sequence());
            assertEquals(97, audio.get(i).payloadType());
        }
        assertEquals(1, live.published);
        assertEquals(1, live.closed);
        assertEquals("closes once the last item played out", 2 * SECOND + PlaylistPlayer.END_GRACE_NANOS, now);
        assertEquals(0, movies.openReaders);
    }

    @Test
    public void samplesAreSentWhenTheirDecodingTimeComes() {
        runUntil(player(PlaylistMode.SEQUENTIAL, "/a.mp4;/b.mp4"), 10);

        long t0 = live.rtp(0).get(0).timestamp();
        for (Packet p : live.rtp(0)) {
            long due = (p.timestamp() - t0) * SECOND / 90_000;
            assertTrue("packet sent early at " + p.atNanos() + " for " + due, p.atNanos() >= due - PlaylistPlayer.LEAD_NANOS);
            assertTrue("packet sent late at " + p.atNanos() + " for " + due, p.atNanos() <= due);
        }
    }

    @Test
    public void publishesOnceWithTheFirstItemsDescription() {
        runUntil(player(PlaylistMode.SEQUENTIAL, "/a.mp4"), 0.1);

        assertEquals("channel1", live.path);
        assertTrue(live.sdp, live.sdp.contains("a=rtpmap:96 H264/90000"));
        assertTrue(live.sdp, live.sdp.contains("a=rtpmap:97 MPEG4-GENERIC/48000/2"));
        assertTrue(live.sdp, live.sdp.contains("a=control:trackID=1") && live.sdp.contains("a=control:trackID=2"));
    }

    @Test
    public void sequentialPlaysInOrderThenEnds() {
        PlaylistPlayer player = player(PlaylistMode.SEQUENTIAL, "/a.mp4;/b.mp4;/c.mp4");
        runUntil(player, 0.5);
        PlaylistStatus at0_5 = statusAt(player, 0.5);
        assertEquals(new PlaylistStatus("channel1", "/a.mp4", "/b.mp4", 0.5), at0_5);
        runUntil(player, 1.5);
        PlaylistStatus at1_5 = statusAt(player, 1.5);
        assertEquals(new PlaylistStatus("channel1", "/b.mp4", "/c.mp4", 0.5), at1_5);
        runUntil(player, 2.5);
        PlaylistStatus at2_5 = statusAt(player, 2.5);
        assertEquals(new PlaylistStatus("channel1", "/c.mp4", null, 0.5), at2_5);
        runUntil(player, 10);
        assertEquals(List.of("/a.mp4", "/b.mp4", "/c.mp4"), movies.opened);
        assertEquals(3 * VIDEO_PACKETS, live.rtp(0).size());
        assertEquals(1, live.closed);
        assertNull(player.status().current());
    }

    @Test
    public void loopWrapsAroundWithoutEnding() {
        PlaylistPlayer player = player(PlaylistMode.LOOP, "/a.mp4;/b.mp4");
        runUntil(player, 3.5);
        PlaylistStatus status = statusAt(player, 3.5);

        assertEquals(List.of("/a.mp4", "/b.mp4", "/a.mp4", "/b.mp4"), movies.opened);
        assertEquals(new PlaylistStatus("channel1", "/b.mp4", "/a.mp4", 0.5), status);
        List<Packet> video = live.rtp(0);
        for (int item = 0; item < 4; item++) {
            assertEquals("start of item " + item, (video.get(0).timestamp() + 90_000L * item) & 0xffffffffL,
                    video.get(item * VIDEO_PACKETS).timestamp());
        }
        assertEquals(0, live.closed);
        assertEquals(1, movies.openReaders);
    }

    @Test
    public void itemWithOtherParametersIsSkipped() {
        runUntil(player(PlaylistMode.SEQUENTIAL, "/a.mp4;/odd.mp4;/missing.mp4;/c.mp4"), 10);

        assertEquals(List.of("/a.mp4", "/odd.mp4", "/missing.mp4", "/c.mp4"), movies.opened);
        List<Packet> video = live.rtp(0);
        assertEquals(2 * VIDEO_PACKETS, video.size());
        assertEquals("the item after the skipped ones follows the first directly",
                (video.get(0).timestamp() + 90_000) & 0xffffffffL, video.get(VIDEO_PACKETS).timestamp());
        assertEquals(2 * AUDIO_PACKETS, live.rtp(1).size());
        assertEquals(0, movies.openReaders);
    }

    @Test
    public void stopEndsTheBroadcastAndLaterTicksSendNothing() {
        PlaylistPlayer player = player(PlaylistMode.LOOP, "/a.mp4");
        runUntil(player, 0.5);
        int sent = live.rtp.size();

        player.stop();
        player.stop();

        assertEquals(1, live.closed);
        assertEquals(0, movies.openReaders);
        now += 10 * SECOND;
        assertEquals(PlaylistPlayer.DONE, player.tick());
        assertEquals(sent, live.rtp.size());
    }

    @Test
    public void skipEndsTheItemNowAndTheNextFollowsWithoutAGap() {
        PlaylistPlayer player = player(PlaylistMode.LOOP, "/a.mp4;/b.mp4");
        runUntil(player, 0.3);
        int sentOfA = live.rtp(0).size();

        assertEquals("/a.mp4", player.skip());
        assertEquals("the next item shows at once", "/b.mp4", player.status().current());
        runUntil(player, 0.6);

        assertEquals(List.of("/a.mp4", "/b.mp4"), movies.opened);
        assertEquals("/b.mp4", player.status().current());
        List<Packet> video = live.rtp(0);
        long lastOfA = video.get(sentOfA - 1).timestamp();
        long firstOfB = video.get(sentOfA).timestamp();
        assertTrue("b starts after a's last picture", firstOfB - lastOfA > 0);
        assertTrue("b starts when a was skipped, not a second later", firstOfB - video.get(0).timestamp() <= 45_000);
        assertEquals(0, live.closed);
        assertTrue(player.running());
    }

    @Test
    public void nothingToSkipBeforeTheStartOrAfterTheStop() {
        PlaylistPlayer player = player(PlaylistMode.LOOP, "/a.mp4");
        assertNull(player.skip());
        runUntil(player, 0.2);
        player.stop();
        assertNull(player.skip());
        assertTrue(!player.running());
    }

    @Test
    public void senderReportsMapTheClockEveryFiveSeconds() {
        runUntil(player(PlaylistMode.LOOP, "/a.mp4"), 5.3);

        assertEquals("one report per track at the start and one 5 s later", 4, live.rtcp.size());
        long t0 = live.rtp(0).get(0).timestamp();
        for (Packet report : live.rtcp.stream().filter(p -> p.track() == 0).toList()) {
            ByteBuffer sr = ByteBuffer.wrap(report.bytes());
            assertEquals(200, sr.get(1) & 0xff);
            assertEquals(live.rtp(0).get(0).ssrc(), sr.getInt(4));
            assertEquals((t0 + report.atNanos() * 90_000 / SECOND) & 0xffffffffL, sr.getInt(16) & 0xffffffffL);
        }
        assertTrue(live.rtcp.get(2).atNanos() >= 5 * SECOND);
    }

    @Test
    public void busyPathIsTriedAgainLater() {
        live.busyAnswers = 1;
        PlaylistPlayer player = player(PlaylistMode.LOOP, "/a.mp4;/b.mp4");

        assertEquals(PlaylistPlayer.RETRY_NANOS, player.tick());
        assertEquals(0, live.published);
        now += PlaylistPlayer.RETRY_NANOS;
        player.tick();

        assertEquals(1, live.published);
        assertEquals(List.of("/a.mp4"), movies.opened);
        assertEquals("parameter sets, first picture, first audio", 3, live.rtp.size());
    }

    @Test
    public void listWithNothingPlayableWaitsInsteadOfSpinning() {
        PlaylistPlayer player = player(PlaylistMode.LOOP, "/missing.mp4;/gone.mp4");

        assertEquals(PlaylistPlayer.RETRY_NANOS, player.tick());
        assertEquals(List.of("/missing.mp4", "/gone.mp4"), movies.opened);
        assertEquals(0, live.published);
    }
}
