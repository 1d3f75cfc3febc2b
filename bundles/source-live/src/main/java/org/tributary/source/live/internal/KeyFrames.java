package org.tributary.source.live.internal;

import java.nio.ByteBuffer;

/**
 * Tells whether an RTP payload begins a picture a decoder can start from, so a late viewer's first
 * picture decodes: an H.264 IDR slice or SPS (RFC 6184), an H.265 IRAP picture, VPS or SPS (RFC 7798),
 * alone, first in an aggregation packet, or as the first fragment. Parameter sets count because
 * encoders send them right before the key frame they belong to.
 */
final class KeyFrames {

    private static final int H264_IDR = 5;
    private static final int H264_SPS = 7;
    private static final int H264_STAP_A = 24;
    private static final int H264_FU_A = 28;
    private static final int H264_FU_B = 29;
    private static final int H265_AP = 48;
    private static final int H265_FU = 49;

    private KeyFrames() {
    }

    /** @return whether the encoding (an rtpmap name, upper case) is one whose key frames are recognised */
    static boolean recognises(String encoding) {
        return "H264".equals(encoding) || "H265".equals(encoding);
    }

    /**
     * @param encoding the payload type's rtpmap encoding name, upper case
     * @param packet   the RTP packet
     * @param payload  where its payload lies
     * @return whether the packet starts a key frame; false for other encodings and for truncated payloads
     */
    static boolean starts(String encoding, ByteBuffer packet, RtpPayload payload) {
        if (payload.length() == 0) {
            return false;
        }
        if ("H264".equals(encoding)) {
            return h264(packet, payload.offset(), payload.offset() + payload.length());
        }
        if ("H265".equals(encoding)) {
            return h265(packet, payload.offset(), payload.offset() + payload.length());
        }
        return false;
    }

    private static boolean h264(ByteBuffer p, int at, int end) {
        int type = p.get(at) & 0x1f;
        if (type == H264_STAP_A) {
            for (int nal = at + 1; nal + 2 < end; nal += 2 + (p.getShort(nal) & 0xffff)) {
                int size = p.getShort(nal) & 0xffff;
                if (size > 0 && nal + 2 + size <= end && h264Key(p.get(nal + 2) & 0x1f)) {
                    return true;
                }
            }
            return false;
        }
        if (type == H264_FU_A || type == H264_FU_B) {
            return at + 1 < end && (p.get(at + 1) & 0x80) != 0 && h264Key(p.get(at + 1) & 0x1f);
        }
        return h264Key(type);
    }

    private static boolean h264Key(int type) {
        return type == H264_IDR || type == H264_SPS;
    }

    private static boolean h265(ByteBuffer p, int at, int end) {
        if (at + 2 > end) {
            return false;
        }
        int type = (p.get(at) >> 1) & 0x3f;
        if (type == H265_AP) {
            for (int nal = at + 2; nal + 2 < end; nal += 2 + (p.getShort(nal) & 0xffff)) {
                int size = p.getShort(nal) & 0xffff;
                if (size > 0 && nal + 2 + size <= end && h265Key((p.get(nal + 2) >> 1) & 0x3f)) {
                    return true;
                }
            }
            return false;
        }
        if (type == H265_FU) {
            return at + 2 < end && (p.get(at + 2) & 0x80) != 0 && h265Key(p.get(at + 2) & 0x3f);
        }
        return h265Key(type);
    }

    /** IRAP pictures (BLA, IDR, CRA: 16 to 21), VPS (32) and SPS (33). */
    private static boolean h265Key(int type) {
        return (type >= 16 && type <= 21) || type == 32 || type == 33;
    }
}
