package org.tributary.itests.bench;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import org.junit.Test;

public class RtcpPacketsTest {

    /** A sender report with no report block: 28 bytes, length field 6. */
    private static final byte[] SENDER_REPORT = {(byte) 0x80, (byte) 200, 0, 6,
        0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** A BYE of one source: 8 bytes, length field 1. */
    private static final byte[] BYE = {(byte) 0x81, (byte) 203, 0, 1, 0, 0, 0, 1};

    private static ByteBuffer compound(byte[]... packets) {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        buffer.put(new byte[] {9, 9, 9});
        for (byte[] packet : packets) {
            buffer.put(packet);
        }
        buffer.flip();
        return buffer.position(3);
    }

    @Test
    public void findsTheByeAfterASenderReport() {
        ByteBuffer packet = compound(SENDER_REPORT, BYE);
        assertTrue(RtcpPackets.hasBye(packet));
        assertTrue("the position is left alone", packet.position() == 3);
    }

    @Test
    public void aSenderReportAloneIsNoBye() {
        assertFalse(RtcpPackets.hasBye(compound(SENDER_REPORT)));
    }

    @Test
    public void stopsAtAPacketThatIsNotVersionTwo() {
        byte[] notRtcp = BYE.clone();
        notRtcp[0] = 0x41;
        assertFalse(RtcpPackets.hasBye(compound(notRtcp)));
    }

    @Test
    public void aTruncatedHeaderIsNoBye() {
        assertFalse(RtcpPackets.hasBye(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 203})));
    }
}
