package org.tributary.rtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.tributary.api.Codec;
import org.tributary.api.MediaKind;
import org.tributary.api.TrackInfo;

public class SdpWriterTest {

    private static final SdpOrigin ORIGIN = new SdpOrigin(3_930_000_000L, 1, "127.0.0.1");

    @Test
    public void describesTheRealSampleMovie() throws Exception {
        Mp4SampleFile file = Mp4SampleFile.open();
        List<RtpTrack> tracks = PayloadFormats.forTracks(List.of(PayloadFormatsTest.videoTrack(file.avcC()),
                PayloadFormatsTest.audioTrack(file.audioSpecificConfig())));

        String sdp = SdpWriter.write(ORIGIN, "sample.mp4", 10.0234, tracks);

        assertEquals("v=0\r\n"
                + "o=- 3930000000 1 IN IP4 127.0.0.1\r\n"
                + "s=sample.mp4\r\n"
                + "c=IN IP4 0.0.0.0\r\n"
                + "t=0 0\r\n"
                + "a=tool:Tributary\r\n"
                + "a=control:*\r\n"
                + "a=range:npt=0-10.023\r\n"
                + "m=video 0 RTP/AVP 96\r\n"
                + "b=AS:400\r\n"
                + "a=rtpmap:96 H264/90000\r\n"
                + "a=fmtp:96 packetization-mode=1;profile-level-id=4D401E;"
                + "sprop-parameter-sets=Z01AHuygUBf8uAiAAAADAIAAABkHixbL,aO+8gA==\r\n"
                + "a=control:trackID=1\r\n"
                + "a=framesize:96 640-360\r\n"
                + "a=x-dimensions:640,360\r\n"
                + "m=audio 0 RTP/AVP 97\r\n"
                + "b=AS:65\r\n"
                + "a=rtpmap:97 MPEG4-GENERIC/48000/2\r\n"
                + "a=fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
                + "indexdeltalength=3;config=119056E500\r\n"
                + "a=control:trackID=2\r\n", sdp);
    }

    @Test
    public void liveSessionHasAnOpenRangeAndNoBandwidthWhenUnknown() {
        TrackInfo mono = new TrackInfo(1, MediaKind.AUDIO, Codec.AAC, 44_100, 44_100, 1, 0, 0, 0,
                new byte[] {0x12, 0x08});
        RtpTrack audio = new RtpTrack(mono, PayloadFormats.forTrack(mono, 96));

        String sdp = SdpWriter.write(ORIGIN, "live/radio", Double.NaN, List.of(audio));

        assertTrue(sdp, sdp.contains("\r\na=range:npt=now-\r\nm=audio 0 RTP/AVP 96\r\na=rtpmap:96 MPEG4-GENERIC/44100/1\r\n"));
        assertTrue(sdp, !sdp.contains("b=AS"));
    }

    @Test
    public void sessionNameCannotInjectLines() {
        String sdp = SdpWriter.write(ORIGIN, "evil\r\na=control:rtsp://elsewhere/\n", 0, List.of());

        assertTrue(sdp, sdp.contains("\r\ns=evil  a=control:rtsp://elsewhere/\r\n"));
        assertEquals(8, sdp.split("\r\n").length);
    }

    @Test
    public void emptySessionNameBecomesASpace() {
        assertTrue(SdpWriter.write(ORIGIN, "", 1, List.of()).contains("\r\ns= \r\n"));
    }

    @Test
    public void ipv6OriginAndBadValuesAreHandled() {
        String sdp = SdpWriter.write(new SdpOrigin(1, 2, "::1"), "x", 1.5, List.of());

        assertTrue(sdp, sdp.contains("\r\no=- 1 2 IN IP6 ::1\r\n"));
        assertTrue(sdp, sdp.contains("\r\na=range:npt=0-1.500\r\n"));
        assertThrows(IllegalArgumentException.class, () -> new SdpOrigin(1, 2, "1.2.3.4\r\nx=y"));
        assertThrows(IllegalArgumentException.class, () -> SdpWriter.write(ORIGIN, "x", -1, List.of()));
    }
}
