package org.tributary.source.live.internal.playlist;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.Test;
import org.tributary.api.Codec;
import org.tributary.api.MediaKind;
import org.tributary.api.MediaSample;
import org.tributary.api.TrackInfo;
import org.tributary.rtp.PayloadFormats;
import org.tributary.rtp.RtpTrack;

/**
 * The exact bytes a playlist track puts on the air for fixed SSRC, sequence and timestamp inputs: an IDR
 * access unit (parameter sets first), a large access unit cut into fragments, and a sender report. Taken
 * from the sender as it was when it wrote its headers itself; any change of the wire shows here.
 */
public class TrackSenderGoldenTest {

    private static final List<RtpTrack> TRACKS = PayloadFormats.forTracks(List.of(
            new TrackInfo(1, MediaKind.VIDEO, Codec.H264, 90_000, 0, 0, 640, 360, 0, FakeMovies.AVCC)));

    @Test
    public void sameBytesAsBefore() throws Exception {
        CapturingLive live = new CapturingLive(() -> 0);
        TrackSender sender = new TrackSender(0, TRACKS.get(0), 0x1234_5678, 65_534, 0xFFFF_FF00L, live);

        sender.send(accessUnit(0, 0x65, 12), TRACKS.get(0), 0);
        sender.send(accessUnit(3_000, 0x41, 3_000), TRACKS.get(0), 2_000_000_000L);
        sender.report(2_500_000_000L, 0xE93A_4B5C_8000_0000L);

        StringBuilder headers = new StringBuilder();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (CapturingLive.Packet packet : live.rtp) {
            headers.append(HexFormat.of().formatHex(packet.bytes(), 0, 14)).append(' ');
            digest.update(packet.bytes());
        }
        assertEquals("8060fffeffffff00123456787800 80e0ffffffffff00123456786501 806000"
                + "000002c9d8123456785c81 806000010002c9d8123456785c01 80e000020002"
                + "c9d8123456785c41",
                headers.toString().trim());
        assertEquals("bf2fbb892b0644fd80b8b803aa58ca0558053e19d99753084dd32cdb238c6aa2",
                HexFormat.of().formatHex(digest.digest()));
        assertEquals(1, live.rtcp.size());
        assertEquals("80c8000612345678e93a4b5c8000000000036de80000000500000bd681ca0007"
                + "1234567801127472696275746172792d706c61796c69737400000000",
                HexFormat.of().formatHex(live.rtcp.get(0).bytes()));
    }

    private static MediaSample accessUnit(long decodeTime, int nalHeader, int size) {
        ByteBuffer au = ByteBuffer.allocate(4 + size).putInt(size);
        au.put((byte) nalHeader);
        for (int i = 1; i < size; i++) {
            au.put((byte) i);
        }
        return new MediaSample(1, decodeTime, 0, 3_000, nalHeader == 0x65, au.flip().asReadOnlyBuffer());
    }
}
