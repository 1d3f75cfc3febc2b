package org.tributary.rtp;

import java.nio.ByteBuffer;

import org.tributary.rtp.internal.NalSyntax;

/**
 * Tells whether a received RTP packet begins a picture a decoder can start from, so a viewer joining a
 * live stream starts with a picture that decodes: an H.264 IDR slice or SPS (RFC 6184), an H.265 IRAP
 * picture, VPS or SPS (RFC 7798), alone, in an aggregation packet, or as the first fragment. Parameter
 * sets count because encoders send them right before the key frame they belong to. Stateless.
 */
public final class RandomAccess {

    private static final int SIZE_FIELD = 2;
    private static final int FU_START = 0x80;

    private RandomAccess() {
    }

    /**
     * @param encoding an rtpmap encoding name, upper case
     * @return whether the key frames of this encoding are recognised
     */
    public static boolean recognises(String encoding) {
        return syntax(encoding) != null;
    }

    /**
     * @param encoding the packet's rtpmap encoding name, upper case
     * @param packet   the RTP packet from its position; not modified
     * @param where    its header, as {@link RtpPacket#parse} read it
     * @return whether the packet starts a key frame; false for other encodings and for truncated payloads
     */
    public static boolean starts(String encoding, ByteBuffer packet, RtpPacket where) {
        NalSyntax syntax = syntax(encoding);
        if (syntax == null) {
            return false;
        }
        int at = packet.position() + where.payloadOffset();
        int end = at + where.payloadLength();
        int headerSize = syntax.headerSize();
        if (at + headerSize > end) {
            return false;
        }
        int type = syntax.typeOf(packet.get(at));
        if (syntax.isAggregation(type)) {
            for (int nal = at + headerSize; nal + SIZE_FIELD < end; nal += SIZE_FIELD + size(packet, nal)) {
                int size = size(packet, nal);
                if (size > 0 && nal + SIZE_FIELD + size <= end
                        && syntax.startsKeyFrame(syntax.typeOf(packet.get(nal + SIZE_FIELD)))) {
                    return true;
                }
            }
            return false;
        }
        if (syntax.isFragment(type)) {
            int fuHeader = at + headerSize;
            return fuHeader < end && (packet.get(fuHeader) & FU_START) != 0
                    && syntax.startsKeyFrame(syntax.fragmentedType(packet.get(fuHeader)));
        }
        return syntax.startsKeyFrame(type);
    }

    private static int size(ByteBuffer packet, int at) {
        return packet.getShort(at) & 0xFFFF;
    }

    private static NalSyntax syntax(String encoding) {
        if ("H264".equals(encoding)) {
            return H264Packetizer.SYNTAX;
        }
        if ("H265".equals(encoding)) {
            return H265Packetizer.SYNTAX;
        }
        return null;
    }
}
