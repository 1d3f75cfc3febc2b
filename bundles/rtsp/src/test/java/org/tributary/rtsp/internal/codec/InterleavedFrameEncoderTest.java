package org.tributary.rtsp.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.Test;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class InterleavedFrameEncoderTest {

    @Test
    public void writesDollarChannelLengthAndPayload() {
        EmbeddedChannel channel = new EmbeddedChannel(new InterleavedFrameEncoder());
        byte[] rtp = {(byte) 0x80, 0x60, 0x12, 0x34, 0x00, 0x00, 0x00, 0x01, 0x1A, 0x2B, 0x3C, 0x4D, 0x65};
        assertTrue(channel.writeOutbound(new InterleavedFrame(3, Unpooled.wrappedBuffer(rtp))));
        ByteBuf wire = channel.readOutbound();
        byte[] expected = WireBytes.concat(new byte[] {'$', 3, 0x00, 0x0D}, rtp);
        assertArrayEquals(expected, WireBytes.bytes(wire));
        wire.release();
        assertFalse(channel.finish());
    }

    @Test
    public void payloadIsSharedNotCopied() {
        EmbeddedChannel channel = new EmbeddedChannel(new InterleavedFrameEncoder());
        ByteBuf payload = Unpooled.buffer(300).writeZero(300);
        channel.writeOutbound(new InterleavedFrame(255, payload));
        CompositeByteBuf wire = channel.readOutbound();
        assertEquals(2, wire.numComponents());
        assertSame(payload, unwrapped(wire.internalComponent(1)));
        assertArrayEquals(new byte[] {'$', (byte) 0xFF, 0x01, 0x2C}, WireBytes.bytes(wire.slice(0, 4)));
        assertEquals("the frame's reference passes to the wire buffer", 1, payload.refCnt());
        wire.release();
        assertEquals(0, payload.refCnt());
        assertFalse(channel.finish());
    }

    @Test
    public void roundTripsThroughTheDecoder() {
        EmbeddedChannel encoder = new EmbeddedChannel(new InterleavedFrameEncoder());
        EmbeddedChannel decoder = new EmbeddedChannel(new RtspFramingDecoder());
        encoder.writeOutbound(new InterleavedFrame(0, Unpooled.wrappedBuffer(new byte[] {1, 2, 3})),
                new InterleavedFrame(1, Unpooled.EMPTY_BUFFER));
        for (Object wire; (wire = encoder.readOutbound()) != null; ) {
            decoder.writeInbound(wire);
        }
        InterleavedFrame first = decoder.readInbound();
        InterleavedFrame second = decoder.readInbound();
        assertEquals(0, first.channel());
        assertArrayEquals(new byte[] {1, 2, 3}, WireBytes.bytes(first.content()));
        assertEquals(1, second.channel());
        assertEquals(0, second.content().readableBytes());
        first.release();
        second.release();
        assertFalse(decoder.finish());
    }

    @Test
    public void frameRefusesWhatTheWireFormatCannotCarry() {
        ByteBuf small = Unpooled.buffer(1).writeByte(0);
        assertThrows(IllegalArgumentException.class, () -> new InterleavedFrame(256, small));
        assertThrows(IllegalArgumentException.class, () -> new InterleavedFrame(-1, small));
        ByteBuf large = Unpooled.buffer(InterleavedFrame.MAX_PAYLOAD + 1).writeZero(InterleavedFrame.MAX_PAYLOAD + 1);
        assertThrows(IllegalArgumentException.class, () -> new InterleavedFrame(0, large));
        large.release();
        small.release();
    }

    private static ByteBuf unwrapped(ByteBuf buf) {
        ByteBuf current = buf;
        while (current.unwrap() != null) {
            current = current.unwrap();
        }
        return current;
    }
}
