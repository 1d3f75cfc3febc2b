package org.tributary.rtp;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;

import org.junit.Test;

/** NAL unit headers as RFC 6184 and RFC 7798 packetize them. */
public class RandomAccessTest {

    private static boolean starts(String encoding, int... payload) throws MalformedRtpException {
        ByteBuffer packet = TestPackets.packet(96, 1, payload);
        return RandomAccess.starts(encoding, packet, RtpPacket.parse(packet));
    }

    @Test
    public void h264SingleNalUnits() throws Exception {
        assertTrue(starts("H264", 0x65, 0x88, 0x84));   // IDR slice
        assertTrue(starts("H264", 0x67, 0x4D, 0x40));   // SPS
        assertFalse(starts("H264", 0x68, 0xEE));        // PPS alone
        assertFalse(starts("H264", 0x41, 0x9A));        // non-IDR slice
        assertFalse(starts("H264", 0x06, 0x05));        // SEI
        assertFalse(starts("H264"));                    // empty payload
    }

    @Test
    public void h264StapA() throws Exception {
        assertTrue(starts("H264", 0x78, 0, 2, 0x09, 0x10, 0, 3, 0x67, 0x4D, 0x40, 0, 2, 0x68, 0xEE));
        assertFalse(starts("H264", 0x78, 0, 2, 0x06, 0x05, 0, 2, 0x41, 0x9A));
        // the SPS is announced beyond the payload end: not trusted
        assertFalse(starts("H264", 0x78, 0, 2, 0x09, 0x10, 0, 9, 0x67));
    }

    @Test
    public void h264FragmentationUnits() throws Exception {
        assertTrue(starts("H264", 0x7C, 0x85, 0x88));   // FU-A, start, IDR
        assertFalse(starts("H264", 0x7C, 0x05, 0x88));  // FU-A, middle of an IDR
        assertFalse(starts("H264", 0x7C, 0x81, 0x9A));  // FU-A start of a non-IDR slice
        assertFalse(starts("H264", 0x7C));              // truncated
    }

    @Test
    public void h265() throws Exception {
        assertTrue(starts("H265", 0x26, 0x01, 0xAF));   // IDR_W_RADL (19)
        assertTrue(starts("H265", 0x2A, 0x01, 0xAF));   // CRA (21)
        assertTrue(starts("H265", 0x40, 0x01, 0x0C));   // VPS (32)
        assertTrue(starts("H265", 0x42, 0x01, 0x01));   // SPS (33)
        assertFalse(starts("H265", 0x44, 0x01, 0xC1));  // PPS (34)
        assertFalse(starts("H265", 0x02, 0x01, 0xD0));  // TRAIL_R (1)
        assertTrue(starts("H265", 0x60, 0x01, 0, 3, 0x40, 0x01, 0x0C, 0, 3, 0x42, 0x01, 0x01)); // AP of VPS, SPS
        assertFalse(starts("H265", 0x60, 0x01, 0, 3, 0x02, 0x01, 0xD0));                       // AP of a trail
        assertTrue(starts("H265", 0x62, 0x01, 0x93, 0xAF));  // FU start of IDR_W_RADL
        assertFalse(starts("H265", 0x62, 0x01, 0x13, 0xAF)); // FU continuation
        assertFalse(starts("H265", 0x62, 0x01, 0x81, 0xAF)); // FU start of TRAIL_R
        assertFalse(starts("H265", 0x26));                   // truncated header
    }

    @Test
    public void honoursTheBufferPosition() throws Exception {
        ByteBuffer packet = TestPackets.packet(96, 1, 0x41, 0x9A);
        ByteBuffer framed = ByteBuffer.allocate(2 + packet.remaining()).put(new byte[] {0x65, 0x65}).put(packet);
        framed.position(2);
        assertFalse(RandomAccess.starts("H264", framed, RtpPacket.parse(framed)));
    }

    @Test
    public void otherEncodingsNeverStartKeyFrames() throws Exception {
        assertFalse(starts("VP8", 0x65));
        assertFalse(RandomAccess.recognises("VP8"));
        assertTrue(RandomAccess.recognises("H264") && RandomAccess.recognises("H265"));
    }
}
