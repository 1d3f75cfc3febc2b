package org.tributary.rtp;

import java.nio.ByteBuffer;

/**
 * Receives the RTP payloads a {@link RtpPacketizer} cuts from one sample, in sending order.
 * <p>
 * The payload of one RTP packet is {@code header} followed by {@code body}. Both buffers are
 * views owned by the packetizer and are valid only during the call: the sink copies them into
 * its outgoing packet (that is the one copy of the sample body) and must not keep them. The sink
 * may consume them (advance their positions); it must not rely on their contents afterwards, and
 * it must never write into them: a body may share the sample's array (read it through
 * {@code array()} when {@code hasArray()}, which copies without allocating).
 * The sink of a sender is {@link RtpSender}, which does this:
 * <pre>{@code
 * (header, body, marker) -> {
 *     ByteBuffer packet = out.claim(RtpHeader.SIZE + header.remaining() + body.remaining());
 *     RtpHeader.write(packet, marker, payloadType, sequence++, rtpTime, ssrc);
 *     packet.put(header).put(body);
 *     out.send();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PayloadSink {

    /**
     * Takes one RTP payload.
     *
     * @param header payload-format header bytes (FU indicator and header, AU headers…), possibly empty
     * @param body   bytes of the sample (or of a parameter set) that follow the header, not to be written
     * @param marker the RTP marker bit for this packet
     */
    void payload(ByteBuffer header, ByteBuffer body, boolean marker);
}
