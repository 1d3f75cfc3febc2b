package org.tributary.source.live.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/** A configuration with a value that is not a number is refused by name, and the settings in force stay. */
public class LiveSettingsTest {

    /**
     * A configuration with the metatype defaults, where a key given as a string that is not a number throws
     * as Declarative Services does when the typed getter is called.
     */
    private static LiveSourceConfig config(Map<String, String> values) {
        return (LiveSourceConfig) Proxy.newProxyInstance(LiveSourceConfig.class.getClassLoader(),
                new Class<?>[] {LiveSourceConfig.class}, (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        return method.getDefaultValue();
                    }
                    return Integer.valueOf(values.get(method.getName()));
                });
    }

    @Test
    public void defaultsAreTheQtssOnes() {
        assertEquals(LiveSettings.DEFAULTS, LiveSettings.of(config(Map.of())));
    }

    @Test
    public void aValueThatIsNotANumberIsRefusedByItsKey() {
        try {
            LiveSettings.of(config(Map.of("publisherTimeout", "soon")));
            fail("publisherTimeout = soon accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("publisherTimeout is not a whole number")
                    && e.getMessage().contains("soon"));
        }
    }

    @Test
    public void aRefusedConfigurationKeepsTheSettingsInForceAndTheSourceServing() throws Exception {
        LiveMediaSource source = new LiveMediaSource(System::nanoTime);
        source.configure(new LiveSettings("/live/", 20, 0, false, 100, 8));
        source.configure(config(Map.of("maxSdpBytes", "lots")));
        try {
            source.publish("cam", AnnounceParserTest.resource("ffmpeg-h264-aac.sdp"), "p");
            fail("the 100-byte SDP limit in force before the refused configuration was lost");
        } catch (MediaException e) {
            assertEquals(Reason.INVALID, e.reason());
        }
        source.configure(config(Map.of("publisherWait", "-1")));
        source.configure(config(Map.of()));
        source.publish("cam", AnnounceParserTest.resource("ffmpeg-h264-aac.sdp"), "p");
    }
}
