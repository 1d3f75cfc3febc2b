package org.tributary.source.live.internal.relay;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.Test;

/** A relay's factory configuration as the component reads it: defaults, modes, bounds. */
public class RelaySettingsTest {

    private static RelayConfig config(String mode, int connectSeconds, int idleSeconds) {
        return new RelayConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RelayConfig.class;
            }

            @Override
            public String url() {
                return "rtsp://bob:pw@origin.example:8554/live/cam1";
            }

            @Override
            public String path() {
                return "edge1";
            }

            @Override
            public String mode() {
                return mode;
            }

            @Override
            public int reconnectSeconds() {
                return 0;
            }

            @Override
            public int connectSeconds() {
                return connectSeconds;
            }

            @Override
            public int idleSeconds() {
                return idleSeconds;
            }
        };
    }

    @Test
    public void alwaysIsTheDefaultAndOndemandIsReadInAnyCase() {
        assertFalse(RelaySettings.of(config(null, 10, 30)).onDemand());
        assertFalse(RelaySettings.of(config("", 10, 30)).onDemand());
        assertFalse(RelaySettings.of(config("always", 10, 30)).onDemand());
        RelaySettings onDemand = RelaySettings.of(config(" OnDemand ", 7, 45));
        assertTrue(onDemand.onDemand());
        assertEquals(Duration.ofSeconds(7), onDemand.connect());
        assertEquals(Duration.ofSeconds(45), onDemand.idle());
        assertEquals("a reconnect delay below one second is one second", Duration.ofSeconds(1), onDemand.reconnect());
        assertEquals("edge1", onDemand.path());
        assertEquals("rtsp://origin.example:8554/live/cam1", onDemand.origin().toString());
    }

    @Test
    public void unknownModesAndTimesOutOfRangeAreRefusedNamingTheSetting() {
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> RelaySettings.of(config("lazy", 10, 30)));
        assertTrue(mode.getMessage(), mode.getMessage().contains("mode") && mode.getMessage().contains("lazy"));
        for (int connect : new int[] {0, -1, RelaySettings.MAX_CONNECT_SECONDS + 1}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> RelaySettings.of(config("ondemand", connect, 30)));
            assertTrue(refused.getMessage(), refused.getMessage().contains("connectSeconds"));
        }
        for (int idle : new int[] {0, RelaySettings.MAX_IDLE_SECONDS + 1}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> RelaySettings.of(config("ondemand", 10, idle)));
            assertTrue(refused.getMessage(), refused.getMessage().contains("idleSeconds"));
        }
    }

    @Test
    public void theOnDemandMountIsTheLiveMountWithBothSlashes() {
        assertEquals("/live/", RelayComponent.liveMount("/live/"));
        assertEquals("/live/", RelayComponent.liveMount(null));
        assertEquals("/tv/", RelayComponent.liveMount("tv"));
        assertEquals("/tv/", RelayComponent.liveMount(" /tv "));
    }
}
