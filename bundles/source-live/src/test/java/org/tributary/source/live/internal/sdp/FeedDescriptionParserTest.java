package org.tributary.source.live.internal.sdp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

public class FeedDescriptionParserTest {

    private static FeedDescription parse(String text) throws MediaException {
        return FeedDescriptionParser.parse("cam.sdp", text, 16384, 8);
    }

    private static void assertInvalid(String text, String... inMessage) {
        MediaException e = assertThrows(MediaException.class, () -> parse(text));
        assertEquals(e.getMessage(), Reason.INVALID, e.reason());
        assertTrue(e.getMessage(), e.getMessage().startsWith("SDP file cam.sdp: "));
        for (String part : inMessage) {
            assertTrue(e.getMessage() + " should say " + part, e.getMessage().contains(part));
        }
    }

    @Test
    public void ffmpegsFileGivesPortsAddressesAndTheMediaForViewers() throws Exception {
        FeedDescription feed = parse(SdpTexts.ffmpeg(41000, 41002));
        InetAddress local = InetAddress.getByName("127.0.0.1");
        assertEquals(List.of(new TrackEndpoint(0, local, 41000, 41001), new TrackEndpoint(1, local, 41002, 41003)),
                feed.endpoints());
        assertEquals(Set.of(), feed.sources());
        String media = feed.sdp().tracks().get(0).mediaLines().toString() + feed.sdp().tracks().get(1).mediaLines();
        assertTrue(media, media.contains("a=rtpmap:96 H264/90000") && media.contains("MPEG4-GENERIC/48000/2"));
        assertFalse("viewers get the server's address, not the feed's: " + media, media.contains("c="));
        assertEquals("m=video 0 RTP/AVP 96", feed.sdp().tracks().get(0).mediaLines().get(0));
    }

    @Test
    public void mediaConnectionWinsOverTheSessionOne() throws Exception {
        String text = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=x\r\nc=IN IP4 239.1.2.3/16\r\nt=0 0\r\n"
                + "m=video 5004 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                + "m=audio 5006 RTP/AVP 97\r\nc=IN IP4 127.0.0.1\r\na=rtpmap:97 MPEG4-GENERIC/48000/2\r\n";
        List<TrackEndpoint> endpoints = parse(text).endpoints();
        assertEquals(InetAddress.getByName("239.1.2.3"), endpoints.get(0).address());
        assertTrue(endpoints.get(0).isMulticast());
        assertEquals(InetAddress.getByName("127.0.0.1"), endpoints.get(1).address());
    }

    @Test
    public void rtcpAttributeMovesTheRtcpPortAndIsNotShownToViewers() throws Exception {
        FeedDescription feed = parse(SdpTexts.audio("127.0.0.1", 5004, "a=rtcp:6000 IN IP4 127.0.0.1"));
        assertEquals(6000, feed.endpoints().get(0).rtcpPort());
        assertFalse(feed.sdp().tracks().get(0).mediaLines().toString().contains("rtcp"));
        assertInvalid(SdpTexts.audio("127.0.0.1", 5004, "a=rtcp:6000 IN IP4 127.0.0.2"), "line 8",
                "RTCP to another address");
        assertInvalid(SdpTexts.audio("127.0.0.1", 5004, "a=rtcp:zero"), "line 8");
    }

    @Test
    public void sourceFilterNamesTheSenders() throws Exception {
        FeedDescription feed = parse(SdpTexts.audio("232.1.2.3", 5004,
                "a=source-filter: incl IN IP4 232.1.2.3 127.0.0.2 127.0.0.3"));
        assertEquals(Set.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3")), feed.sources());
        assertFalse(feed.sdp().tracks().get(0).mediaLines().toString().contains("source-filter"));
        assertInvalid(SdpTexts.audio("232.1.2.3", 5004, "a=source-filter: excl IN IP4 232.1.2.3 127.0.0.2"),
                "only 'incl'");
        assertInvalid(SdpTexts.audio("232.1.2.3", 5004, "a=source-filter: incl IN IP4 232.1.2.3 sender.example"),
                "'sender.example', not a numeric IP4 address");
    }

    @Test
    public void ipv6AddressesAreRead() throws Exception {
        assertEquals(InetAddress.getByName("ff15::101"), parse(SdpTexts.audio("FF15::101", 5004)).endpoints().get(0)
                .address());
        assertEquals(InetAddress.getByName("::1"), parse(SdpTexts.audio("::1", 5004)).endpoints().get(0).address());
        assertInvalid(SdpTexts.audio("FF15::101/3", 5004), "several addresses");
    }

    @Test
    public void unicastAddressMustBeThisHosts() {
        assertInvalid(SdpTexts.audio("203.0.113.5", 5004), "line 5", "203.0.113.5",
                "neither a multicast group nor an address of this host");
    }

    @Test
    public void addressesMustBeNumeric() {
        assertInvalid(SdpTexts.audio("localhost", 5004), "'localhost', not a numeric IP4 address");
        assertInvalid(SdpTexts.audio("127.0.0.256", 5004), "not a numeric IP4 address");
        assertInvalid(SdpTexts.audio("239.1.2.3/16/2", 5004), "several addresses");
        assertInvalid(SdpTexts.audio("127.0.0.1", 5004).replace("c=IN IP4", "c=IN IPX"), "c=IN IP4|IP6");
    }

    @Test
    public void everyTrackNeedsAnAddressAndItsOwnPorts() throws Exception {
        assertInvalid(SdpTexts.audio("127.0.0.1", 5004).replace("c=IN IP4 127.0.0.1\r\n", ""), "line 5",
                "without a c= line");
        assertInvalid(SdpTexts.audio("127.0.0.1", 0), "port 0");
        assertInvalid(SdpTexts.audio("127.0.0.1", 65535), "no port for RTCP");
        assertInvalid(SdpTexts.audio("127.0.0.1", 5004).replace("5004", "5004/2"), "layered");
        assertInvalid(SdpTexts.ffmpeg(41000, 41001), "line 11", "port 41001 a second time");
    }

    @Test
    public void brokenFilesAreRefusedAsAnAnnouncementWouldBe() throws Exception {
        assertInvalid(SdpTexts.ffmpeg(41000, 41002).replace("v=0\r\n", ""), "line 1");
        assertInvalid(SdpTexts.ffmpeg(41000, 41002).replace("a=rtpmap:96 H264/90000\r\n", ""), "rtpmap");
        assertInvalid("a".repeat(20000), "larger than 16384 bytes");
        assertInvalid("v=0\r\ns=\u0001\r\n", "control character");
    }
}
