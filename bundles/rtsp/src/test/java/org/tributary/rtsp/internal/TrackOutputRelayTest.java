package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.After;
import org.junit.Test;
import org.tributary.rtsp.internal.codec.InterleavedFrame;

/** A viewer's copy of a broadcast packet: its own header in front of the shared bytes, never a copy of them. */
public class TrackOutputRelayTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final TrackOutput output = new TrackOutput(1, new InterleavedTransport(channel, 0, 1), "trackID=1");

    @After
    public void close() {
        channel.finishAndReleaseAll();
    }

    private static ByteBuffer sharedPacket(int sequence, long timestamp, int... payload) {
        ByteBuffer p = ByteBuffer.allocateDirect(12 + payload.length);
        p.put((byte) 0x80).put((byte) 0xE0).putShort((short) sequence).putInt((int) timestamp).putInt(0x0BADF00D);
        for (int b : payload) {
            p.put((byte) b);
        }
        return p.flip().asReadOnlyBuffer();
    }

    private ByteBuf sent() {
        InterleavedFrame frame = channel.readOutbound();
        return frame.content();
    }

    @Test
    public void relaysUnderItsOwnNumberingWithoutCopyingThePayload() {
        ByteBuffer first = sharedPacket(1000, 90_000, 0x65, 1, 2, 3);
        output.relay(Unpooled.wrappedBuffer(first));
        output.relay(Unpooled.wrappedBuffer(sharedPacket(1001, 93_600, 0x41, 4)));
        assertTrue("queued for the loop's one flush", channel.outboundMessages().isEmpty());
        output.flushRelayed();
        ByteBuf one = sent();
        ByteBuf two = sent();
        assertEquals(16, one.readableBytes());
        assertEquals(0x80, one.getUnsignedByte(0));
        assertEquals("marker and payload type kept", 0xE0, one.getUnsignedByte(1));
        assertEquals(output.ssrc(), one.getInt(8));
        assertEquals((one.getUnsignedShort(2) + 1) & 0xFFFF, two.getUnsignedShort(2));
        assertEquals(3_600, two.getUnsignedInt(4) - one.getUnsignedInt(4));
        assertEquals(0x65, one.getUnsignedByte(12));
        assertEquals(3, one.getUnsignedByte(15));
        assertTrue(one instanceof CompositeByteBuf);
        ByteBuf payload = ((CompositeByteBuf) one).component(1);
        long sharedAddress = Unpooled.wrappedBuffer(first).memoryAddress();
        assertEquals("the payload part is the shared memory itself", sharedAddress + 12, payload.memoryAddress());
        assertEquals("the shared packet is left as it was", 0x0BADF00D, first.getInt(8));
        assertEquals(2, output.packets());
        one.release();
        two.release();
    }

    @Test
    public void aFullSocketRefusesNewFramesAndCountsThem() {
        assertTrue(output.readyForFrame());
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(32, 64));
        for (int i = 0; i < 8 && channel.isWritable(); i++) {
            channel.write(Unpooled.buffer(32).writeZero(32));
        }
        assertFalse(channel.isWritable());
        assertFalse(output.readyForFrame());
        assertFalse(output.readyForFrame());
        assertEquals(2, output.droppedFrames());
    }
}
