package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;
import org.tributary.rtsp.internal.guard.ConnectionTimeouts;

/** The guard settings of {@link RtspServerConfig}: defaults, and values refused with the key named. */
public class ServerSettingsTest {

    /** A configuration with the metatype defaults, some of them replaced. */
    private static RtspServerConfig config(Map<String, Object> values) {
        return (RtspServerConfig) Proxy.newProxyInstance(RtspServerConfig.class.getClassLoader(),
                new Class<?>[] {RtspServerConfig.class}, (proxy, method, args) ->
                        values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    public void defaultsFollowQtss() {
        ServerSettings settings = ServerSettings.from(config(Map.of()));
        assertEquals(ConnectionTimeouts.DEFAULTS, settings.timeouts());
        assertEquals(16, settings.maxSessionsPerConnection());
        assertEquals(100, settings.maxSessionsPerAddress());
        assertTrue("viewers share their loop's UDP sockets, as QTSS did", settings.udpSocketsShared());
        assertFalse(ServerSettings.from(config(Map.of("udpSocketsShared", false))).udpSocketsShared());
    }

    @Test
    public void configuredTimeoutsAndCapsAreKept() {
        ServerSettings settings = ServerSettings.from(config(Map.of("requestTimeout", 2, "idleTimeout", 3,
                "drainTimeout", 4, "maxSessionsPerConnection", 0, "maxSessionsPerAddress", 7)));
        assertEquals(new ConnectionTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4)),
                settings.timeouts());
        assertEquals(0, settings.maxSessionsPerConnection());
        assertEquals(7, settings.maxSessionsPerAddress());
    }

    @Test
    public void valuesOutOfRangeAreRefusedWithTheirKey() {
        for (String key : new String[] {"requestTimeout", "idleTimeout", "drainTimeout"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServerSettings.from(config(Map.of(key, 0))));
            assertTrue(e.getMessage(), e.getMessage().startsWith(key));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.from(config(Map.of("maxSessionsPerAddress", -1))));
        assertTrue(e.getMessage(), e.getMessage().contains("maxSessionsPerAddress"));
    }
}
