package org.tributary.rtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.OptionalLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.Test;

public class SsrcLockTest {

    private static ByteBuf rtp(long ssrc) {
        ByteBuf packet = Unpooled.buffer();
        RtpHeader.write(packet, false, 96, 1, 0, (int) ssrc);
        packet.writeByte(0x65);
        return packet;
    }

    private static ByteBuf senderReport(long ssrc) {
        return Unpooled.buffer().writeByte(0x80).writeByte(200).writeShort(6).writeInt((int) ssrc)
                .writeZero(20);
    }

    @Test
    public void announcedSsrcIsTheOnlyOneTaken() {
        SsrcLock lock = new SsrcLock(OptionalLong.of(0xDEADBEEFL));
        assertEquals("SSRC DEADBEEF", lock.describe());
        assertFalse(lock.admitsRtp(rtp(0x12345678L)));
        assertTrue(lock.admitsRtp(rtp(0xDEADBEEFL)));
        assertFalse(lock.admitsRtcp(senderReport(0x12345678L)));
        assertTrue(lock.admitsRtcp(senderReport(0xDEADBEEFL)));
    }

    @Test
    public void firstRtpPacketLocksTheSsrc() {
        SsrcLock lock = new SsrcLock(OptionalLong.empty());
        assertEquals("no SSRC yet", lock.describe());
        assertTrue("RTCP before any RTP passes", lock.admitsRtcp(senderReport(7)));
        assertTrue(lock.admitsRtp(rtp(0xCAFEF00DL)));
        assertTrue("RTCP did not lock it", lock.admitsRtcp(senderReport(0xCAFEF00DL)));
        assertFalse(lock.admitsRtp(rtp(7)));
        assertFalse(lock.admitsRtcp(senderReport(7)));
        assertTrue(lock.admitsRtp(rtp(0xCAFEF00DL)));
        assertEquals("SSRC CAFEF00D", lock.describe());
    }

    @Test
    public void packetsTooShortForAnSsrcAreLeftToTheParser() {
        SsrcLock lock = new SsrcLock(OptionalLong.of(1));
        ByteBuf shortRtp = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 96, 0, 1});
        assertTrue(lock.admitsRtp(shortRtp));
        assertEquals("the reader index does not move", 0, shortRtp.readerIndex());
        assertTrue(lock.admitsRtcp(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 200, 0, 0})));
        assertEquals("a short packet does not lock", "SSRC 00000001", lock.describe());
    }

    @Test
    public void announcedValueMustBeUnsigned32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new SsrcLock(OptionalLong.of(0x1_0000_0000L)));
    }
}
