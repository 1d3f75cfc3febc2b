package org.tributary.itests.support;

/**
 * One {@code $}-framed packet received on an RTSP connection (RFC 2326 §10.12).
 *
 * @param channel the interleaved channel: by convention even for RTP, odd for RTCP
 * @param payload the RTP or RTCP packet
 */
public record InterleavedFrame(int channel, byte[] payload) {

    /** Parses the RTP header of the payload; fails when it is not an RTP packet. */
    public RtpHeader rtp() {
        return RtpHeader.parse(java.nio.ByteBuffer.wrap(payload));
    }
}
