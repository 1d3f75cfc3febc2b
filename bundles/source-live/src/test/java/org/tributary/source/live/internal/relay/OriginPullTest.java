package org.tributary.source.live.internal.relay;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

/** The pure parts of a pull: origin URLs, RTCP BYE detection. */
public class OriginPullTest {

    @Test
    public void parsesOriginUrls() {
        OriginUrl url = OriginUrl.parse("rtsp://bob:p%40ss+word@origin.example:8554/live/cam1?x=1");
        assertEquals(new OriginUrl("origin.example", 8554, "/live/cam1?x=1", "bob", "p@ss+word"), url);
        assertEquals("rtsp://origin.example:8554/live/cam1?x=1", url.toString());
        OriginUrl plain = OriginUrl.parse("rtsp://10.0.0.1/cam");
        assertEquals(554, plain.port());
        assertNull(plain.user());
        assertFalse(plain.hasCredentials());
        assertEquals("/", OriginUrl.parse("rtsp://h").path());
        for (String bad : new String[] {"", "http://h/x", "rtsp:///x", "rtsp://h/a b",
                "rtsp://bob%0D%0AX-Injected:%20yes:pw@h/x"}) {
            try {
                OriginUrl.parse(bad);
                fail("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().startsWith("relay url"));
            }
        }
    }

    @Test
    public void findsAByeInACompoundPacket() {
        byte[] report = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 7};
        byte[] compound = new byte[16];
        System.arraycopy(report, 0, compound, 0, 8);
        System.arraycopy(new byte[] {(byte) 0x81, (byte) 203, 0, 1, 0, 0, 0, 7}, 0, compound, 8, 8);
        assertTrue(OriginPull.hasBye(compound, 16));
        assertFalse(OriginPull.hasBye(compound, 8));
        assertFalse(OriginPull.hasBye(report, report.length));
        // a length running past the end stops the walk
        assertFalse(OriginPull.hasBye(new byte[] {(byte) 0x80, (byte) 200, (byte) 0xff, (byte) 0xff}, 4));
    }
}
