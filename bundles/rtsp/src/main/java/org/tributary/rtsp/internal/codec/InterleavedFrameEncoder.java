package org.tributary.rtsp.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

import java.util.List;

/**
 * Writes an {@link InterleavedFrame} as {@code '$'}, channel, 16-bit big-endian length and payload
 * (RFC 2326 §10.12). The payload is not copied: a 4-byte header and the payload are joined in a
 * composite buffer, so the frame stays one outbound message with one promise.
 * <p>
 * Netty's {@code RtspEncoder} passes a {@link ByteBuf} through between full responses, so either
 * order works with {@code FullHttpResponse}s. Adding this encoder nearer the head than the
 * {@code RtspEncoder} (earlier with {@code addLast}) also keeps frames from being taken for body
 * content should a response ever be written in parts.
 */
@ChannelHandler.Sharable
public final class InterleavedFrameEncoder extends MessageToMessageEncoder<InterleavedFrame> {

    /** Creates the encoder; one instance may serve every connection. */
    public InterleavedFrameEncoder() {
        super(InterleavedFrame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, InterleavedFrame frame, List<Object> out) {
        ByteBuf payload = frame.content();
        ByteBuf header = ctx.alloc().buffer(4)
                .writeByte('$')
                .writeByte(frame.channel())
                .writeShort(payload.readableBytes());
        CompositeByteBuf wire = ctx.alloc().compositeBuffer(2);
        // the encoder releases the frame after encode(); the composite keeps its own reference
        wire.addComponents(true, header, payload.retain());
        out.add(wire);
    }
}
