package org.tributary.source.live.internal.playlist;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.Test;

public class PlaylistComponentTest {

    private final FakeMovies movies = new FakeMovies().add("/a.mp4");
    private final CapturingLive live = new CapturingLive(System::nanoTime);

    @Test
    public void playsOnItsOwnThreadUntilDeactivated() {
        PlaylistComponent component = new PlaylistComponent(live, movies, config("channel1", "/a.mp4", "loop"));
        // one item is one second: more video packets than it holds means the loop went round
        await().atMost(Duration.ofSeconds(10)).until(() -> live.rtp(0).size() > 5);
        assertEquals("/a.mp4", component.status().current());

        component.deactivate();

        assertEquals(1, live.closed);
        int sent = live.rtp.size();
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> live.rtp.size() == sent);
    }

    @Test
    public void unusableConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PlaylistComponent(live, movies, config(" ", "/a.mp4", "loop")));
        assertThrows(IllegalArgumentException.class,
                () -> new PlaylistComponent(live, movies, config("channel1", "/a.mp4", "shuffle")));
        assertThrows(IllegalArgumentException.class,
                () -> new PlaylistComponent(live, movies, config("channel1", "", "loop")));
    }

    static PlaylistConfig config(String path, String items, String mode) {
        return new PlaylistConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PlaylistConfig.class;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public String[] items() {
                return new String[] {items};
            }

            @Override
            public String mode() {
                return mode;
            }
        };
    }
}
