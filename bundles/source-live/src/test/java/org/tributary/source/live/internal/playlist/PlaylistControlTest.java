package org.tributary.source.live.internal.playlist;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.After;
import org.junit.Test;
import org.tributary.api.MediaKind;

/** Management's control of a playlist broadcast: stop, start from the first item, skip; and readable skip lines. */
public class PlaylistControlTest {

    private final FakeMovies movies = new FakeMovies().add("/a.mp4").add("/b.mp4");
    private final CapturingLive live = new CapturingLive(System::nanoTime);
    private final PlaylistComponent component = new PlaylistComponent(live, movies,
            PlaylistComponentTest.config("channel1", "/a.mp4;/b.mp4", "loop"));

    @After
    public void deactivate() {
        component.deactivate();
    }

    @Test
    public void stopEndsTheBroadcastAndStartResumesFromTheFirstItem() {
        await().atMost(Duration.ofSeconds(10)).until(() -> live.rtp.size() > 3);
        assertTrue(component.running());

        component.stop();
        assertFalse(component.running());
        assertEquals("the broadcast ended", 1, live.closed);
        assertEquals("", component.current());
        assertThrows(IllegalStateException.class, component::skip);

        component.start();
        assertTrue(component.running());
        await().atMost(Duration.ofSeconds(10)).until(() -> live.published == 2);
        assertEquals("/a.mp4", movies.opened.get(movies.opened.size() - 1));
        component.start();
        assertEquals("a second start changes nothing", 2, live.published);
    }

    @Test
    public void skipMovesToTheNextItemNow() {
        await().atMost(Duration.ofSeconds(10)).until(() -> "/a.mp4".equals(component.current()));
        component.skip();
        assertEquals("/b.mp4", component.current());
        assertEquals(1, live.published);
    }

    @Test
    public void aSkippedItemIsLoggedOnceAsOneReadableLineUntilItsReasonChanges() {
        ItemSkips skips = new ItemSkips("channel1");
        assertTrue(skips.skipped("/odd.mp4", "its track 2 is audio MPEG4-GENERIC/44100/2"));
        assertFalse("the next round says nothing", skips.skipped("/odd.mp4", "its track 2 is audio MPEG4-GENERIC/44100/2"));
        assertTrue("another reason is news", skips.skipped("/odd.mp4", "no movie at '/odd.mp4'"));
        skips.played("/odd.mp4");
        assertTrue("after it played, a failure is news again", skips.skipped("/odd.mp4", "no movie at '/odd.mp4'"));
    }

    @Test
    public void trackDifferencesAreNamedNotDumped() {
        TrackFormat video = new TrackFormat(MediaKind.VIDEO, 96, "H264/90000", "profile-level-id=4d401e");
        TrackFormat audio = new TrackFormat(MediaKind.AUDIO, 97, "MPEG4-GENERIC/48000/2", "config=1190");
        TrackFormat otherAudio = new TrackFormat(MediaKind.AUDIO, 97, "MPEG4-GENERIC/44100/2", "config=1210");
        TrackFormat otherProfile = new TrackFormat(MediaKind.VIDEO, 96, "H264/90000", "profile-level-id=64001f");

        assertEquals("", TrackFormat.difference(List.of(video, audio), List.of(video, audio)));
        assertEquals("its track 2 is audio MPEG4-GENERIC/44100/2, the broadcast's is audio MPEG4-GENERIC/48000/2",
                TrackFormat.difference(List.of(video, otherAudio), List.of(video, audio)));
        assertEquals("it has 1 track(s) (video H264/90000), the broadcast 2 (video H264/90000, audio "
                + "MPEG4-GENERIC/48000/2)", TrackFormat.difference(List.of(video), List.of(video, audio)));
        String profile = TrackFormat.difference(List.of(otherProfile, audio), List.of(video, audio));
        assertTrue(profile, profile.startsWith("its track 1 (video H264/90000) has other codec parameters"));
        assertFalse(profile, profile.contains("TrackFormat["));
    }
}
