package org.tributary.rtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.Test;

public class RtpSenderTest {

    /** Keeps every packet sent, claiming into a buffer with other bytes before the packet. */
    private static final class Capture implements PacketOut {
        final List<byte[]> sent = new ArrayList<>();
        private ByteBuffer claimed;
        private int start;

        @Override
        public ByteBuffer claim(int length) {
            claimed = ByteBuffer.allocate(5 + length).position(5);
            start = 5;
            return claimed;
        }

        @Override
        public void send() {
            byte[] packet = new byte[claimed.position() - start];
            claimed.get(start, packet);
            sent.add(packet);
        }
    }

    private final Capture media = new Capture();
    private final RtpSender sender = new RtpSender(96, 0x1122_3344, 65_535, 0xFFFF_FFF0L, "cname", media);

    private static ByteBuffer bytes(int... values) {
        return ByteBuffer.wrap(RecordingSink.bytes(values));
    }

    @Test
    public void eachPayloadIsOnePacketOnTheSequenceAndTimestampLine() {
        sender.stamp(0x20);
        sender.payload(bytes(0x7C, 0x85), bytes(1, 2, 3), false);
        sender.payload(bytes(), bytes(4), true);

        assertEquals("8060ffff00000010112233447c85010203", HexFormat.of().formatHex(media.sent.get(0)));
        assertEquals("80e00000000000101122334404", HexFormat.of().formatHex(media.sent.get(1)));
        assertEquals(2, sender.packets());
        assertEquals(6, sender.octets());
        assertEquals(1, sender.nextSequence());
    }

    @Test
    public void senderReportMatchesTheRtcpWriter() {
        sender.stamp(0);
        sender.payload(bytes(), bytes(1, 2), false);
        sender.senderReport(0xE93A_4B5C_8000_0000L, 90_000, media);

        ByteBuf expected = Unpooled.buffer();
        Rtcp.writeSenderReport(expected, new SenderInfo(0x1122_3344, 0xE93A_4B5C_8000_0000L,
                (0xFFFF_FFF0L + 90_000) & 0xFFFF_FFFFL, 1, 2), "cname");
        assertArrayEquals(ByteBufUtil.getBytes(expected), media.sent.get(1));
    }

    @Test
    public void byeEndsWithTheReason() {
        sender.bye(1, 0, "end of stream", media);

        ByteBuf expected = Unpooled.buffer();
        Rtcp.writeBye(expected, new SenderInfo(0x1122_3344, 1, 0xFFFF_FFF0L, 0, 0), "cname", "end of stream");
        assertArrayEquals(ByteBufUtil.getBytes(expected), media.sent.get(0));
        assertEquals(Rtcp.byeSize("cname", "end of stream"), media.sent.get(0).length);
    }

    @Test
    public void badPayloadTypeOrCnameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RtpSender(128, 0, 0, 0, "x", media));
        assertThrows(IllegalArgumentException.class, () -> new RtpSender(96, 0, 0, 0, "", media));
    }
}
