package org.tributary.rtsp.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One {@code $}-interleaved binary frame of an RTSP connection (RFC 2326 §10.12): a channel
 * identifier and up to 65535 bytes of RTP or RTCP. The frame owns its payload: releasing the
 * frame releases the payload.
 */
public final class InterleavedFrame extends DefaultByteBufHolder {

    /** Largest payload the 16-bit length field can describe. */
    public static final int MAX_PAYLOAD = 0xFFFF;

    /** Largest channel identifier the 8-bit channel field can hold. */
    public static final int MAX_CHANNEL = 0xFF;

    private final int channel;

    /**
     * Creates a frame that takes ownership of {@code payload}.
     *
     * @param channel the interleaved channel, 0..255
     * @param payload the RTP or RTCP packet, at most 65535 readable bytes
     * @throws IllegalArgumentException when the channel or the payload length does not fit the wire format
     */
    public InterleavedFrame(int channel, ByteBuf payload) {
        super(payload);
        if (channel < 0 || channel > MAX_CHANNEL) {
            throw new IllegalArgumentException("interleaved channel " + channel + " outside 0.." + MAX_CHANNEL);
        }
        if (payload.readableBytes() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("interleaved payload of " + payload.readableBytes()
                    + " bytes exceeds " + MAX_PAYLOAD);
        }
        this.channel = channel;
    }

    /** @return the interleaved channel identifier, 0..255 */
    public int channel() {
        return channel;
    }

    @Override
    public InterleavedFrame copy() {
        return replace(content().copy());
    }

    @Override
    public InterleavedFrame duplicate() {
        return replace(content().duplicate());
    }

    @Override
    public InterleavedFrame retainedDuplicate() {
        return replace(content().retainedDuplicate());
    }

    @Override
    public InterleavedFrame replace(ByteBuf content) {
        return new InterleavedFrame(channel, content);
    }

    @Override
    public InterleavedFrame retain() {
        super.retain();
        return this;
    }

    @Override
    public InterleavedFrame retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public InterleavedFrame touch() {
        super.touch();
        return this;
    }

    @Override
    public InterleavedFrame touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterleavedFrame other && channel == other.channel && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + channel;
    }

    @Override
    public String toString() {
        return "InterleavedFrame(channel=" + channel + ", " + content().readableBytes() + " bytes)";
    }
}
