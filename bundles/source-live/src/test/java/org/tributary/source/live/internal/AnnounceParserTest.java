package org.tributary.source.live.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/** Real announcements from ffmpeg and GStreamer, and forged ones. */
public class AnnounceParserTest {

    static String resource(String name) throws Exception {
        try (InputStream in = AnnounceParserTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static AnnouncedSdp parse(String sdp) throws MediaException {
        return AnnounceParser.parse(sdp, 16384, 8);
    }

    private static void assertInvalid(String sdp, String expected) {
        try {
            parse(sdp);
            fail("accepted: " + sdp.substring(0, Math.min(60, sdp.length())));
        } catch (MediaException e) {
            assertEquals(Reason.INVALID, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }

    @Test
    public void ffmpegH264Aac() throws Exception {
        AnnouncedSdp sdp = parse(resource("ffmpeg-h264-aac.sdp"));
        assertEquals(List.of("streamid=0", "streamid=1"), sdp.controls());
        assertEquals(Map.of(96, "H264"), sdp.tracks().get(0).encodings());
        assertEquals(Map.of(97, "MPEG4-GENERIC"), sdp.tracks().get(1).encodings());
        assertEquals("m=video 0 RTP/AVP 96\r\n"
                + "b=AS:399\r\n"
                + "a=rtpmap:96 H264/90000\r\n"
                + "a=fmtp:96 packetization-mode=1; sprop-parameter-sets=Z01AHuygUBf8uAiAAAADAIAAABkHixbL,aO+8gA==;"
                + " profile-level-id=4D401E\r\n"
                + "a=control:trackID=1\r\n"
                + "m=audio 0 RTP/AVP 97\r\n"
                + "b=AS:64\r\n"
                + "a=rtpmap:97 MPEG4-GENERIC/48000/2\r\n"
                + "a=fmtp:97 profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;"
                + " config=119056E500\r\n"
                + "a=control:trackID=2\r\n", sdp.mediaDescription());
    }

    @Test
    public void ffmpegH265Opus() throws Exception {
        AnnouncedSdp sdp = parse(resource("ffmpeg-h265-opus.sdp"));
        assertEquals("H265", sdp.tracks().get(0).encoding(96));
        assertEquals("OPUS", sdp.tracks().get(1).encoding(97));
        assertTrue(sdp.tracks().get(0).isVideo());
        assertEquals(List.of("streamid=0", "streamid=1"), sdp.controls());
    }

    @Test
    public void gstreamerDropsAddressesAndSsrcsButKeepsTheRest() throws Exception {
        AnnouncedSdp sdp = parse(resource("gstreamer-opus-h264.sdp"));
        assertEquals(List.of("stream=1", "stream=0"), sdp.controls());
        assertEquals("audio", sdp.tracks().get(0).kind());
        assertEquals("H264", sdp.tracks().get(1).encoding(99));
        String media = sdp.mediaDescription();
        assertTrue(media, media.startsWith("m=audio 0 RTP/AVP 96\r\nb=AS:64\r\na=rtpmap:96 OPUS/48000/2\r\n"));
        assertTrue(media, media.contains("a=framerate:30\r\n"));
        assertTrue(media, media.contains("a=mediaclk:sender\r\na=control:trackID=2\r\n"));
        assertTrue(media, !media.contains("c=") && !media.contains("a=ssrc") && !media.contains("stream=0"));
    }

    @Test
    public void unknownCodecsPassThrough() throws Exception {
        AnnouncedSdp sdp = parse("v=0\r\nm=application 5000 RTP/AVP 107\r\na=rtpmap:107 X-VENDOR/1000\r\n"
                + "a=fmtp:107 anything goes\r\n");
        assertEquals(List.of(""), sdp.controls());
        assertEquals("m=application 0 RTP/AVP 107\r\na=rtpmap:107 X-VENDOR/1000\r\na=fmtp:107 anything goes\r\n"
                + "a=control:trackID=1\r\n", sdp.mediaDescription());
    }

    @Test
    public void staticPayloadTypesNeedNoRtpmap() throws Exception {
        AnnouncedSdp sdp = parse("v=0\nm=audio 0 RTP/AVP 14\n");
        assertTrue(sdp.tracks().get(0).announces(14));
    }

    @Test
    public void refusesForgedDescriptions() {
        assertInvalid("", "no SDP");
        assertInvalid("o=- 0 0 IN IP4 1.2.3.4\r\nm=video 0 RTP/AVP 96\r\n", "line 1 must be v=0");
        assertInvalid("v=0\r\ns=x\r\n", "no m= line");
        assertInvalid("v=0\r\nm=video 0 RTP/AVP 96\r\n", "dynamic payload type 96 without an a=rtpmap");
        assertInvalid("v=0\r\nm=video 0 RTP/SAVP 96\r\n", "line 2 is not 'm=");
        assertInvalid("v=0\r\nm=text 0 RTP/AVP 96\r\n", "line 2 is not 'm=");
        assertInvalid("v=0\r\nm=video 70000 RTP/AVP 96\r\n", "line 2 is not 'm=");
        assertInvalid("v=0\r\nm=video 0 RTP/AVP 128\r\n", "payload type above 127");
        assertInvalid("v=0\r\nm=video 0 RTP/AVP 14 14\r\n", "twice: 14");
        assertInvalid("v=0\r\nm=audio 0 RTP/AVP 14\r\na=rtpmap:96 H264/90000\r\n", "line 3 is not 'a=rtpmap");
        assertInvalid("v=0\r\nm=audio 0 RTP/AVP 14\r\na=control:a\r\na=control:b\r\n", "line 4 is an empty");
        assertInvalid("v=0\r\nm=audio 0 RTP/AVP 14\r\nm=audio 0 RTP/AVP 14\r\n", "not an a=control in each");
        assertInvalid("v=0\r\ns=x\r\nbogus\r\nm=audio 0 RTP/AVP 14\r\n", "line 3 is not of the form");
        assertInvalid("v=0\r\n\r\nm=audio 0 RTP/AVP 14\r\n", "line 2 is not of the form");
        assertInvalid("v=0\r\nm=audio 0 RTP/AVP 14\r\nv=0\r\n", "line 3 repeats v=");
        assertInvalid("v=0\r\ns=a\u0000b\r\nm=audio 0 RTP/AVP 14\r\n", "line 2 holds a control character");
        assertInvalid("v=0\r\ns=a\rb\r\nm=audio 0 RTP/AVP 14\r\n", "line 2 holds a control character");
    }

    @Test
    public void refusesBinary() {
        byte[] junk = new byte[2000];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 37 + 11);
        }
        String text = "v=0\r\ns=" + new String(junk, StandardCharsets.UTF_8) + "\r\nm=audio 0 RTP/AVP 14\r\n";
        assertInvalid(text, "line 2 holds a control character or invalid UTF-8");
    }

    @Test
    public void refusesOversizedDescriptions() {
        String big = "v=0\r\nm=audio 0 RTP/AVP 14\r\n" + "a=x\r\n".repeat(20_000);
        assertInvalid(big, "SDP larger than 16384 bytes");
        // 6000 two-byte characters: within the char count, beyond the byte count
        assertInvalid("v=0\r\ns=" + "é".repeat(8190) + "\r\nm=audio 0 RTP/AVP 14\r\n", "SDP larger than 16384");
    }

    @Test
    public void refusesTooManyTracks() throws MediaException {
        StringBuilder sdp = new StringBuilder("v=0\r\n");
        for (int i = 0; i < 10_000; i++) {
            sdp.append("m=audio 0 RTP/AVP 0\r\na=control:").append(i).append("\r\n");
        }
        try {
            AnnounceParser.parse(sdp.toString(), 1 << 20, 8);
            fail();
        } catch (MediaException e) {
            assertEquals("SDP line 18 starts media section 9, more than the 8 allowed", e.getMessage());
        }
    }
}
