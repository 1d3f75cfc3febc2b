package org.tributary.rtp;

import java.nio.ByteBuffer;

/**
 * Receives the RTP payloads a {@link RtpPacketizer} cuts from one sample, in sending order.
 * <p>
 * The payload of one RTP packet is {@code header} followed by {@code body}. Both buffers are
 * views owned by the packetizer and are valid only during the call: the sink copies them into
 * its outgoing packet (that is the one copy of the sample body) and must not keep them. The sink
 * may consume them (advance their positions); it must not rely on their contents afterwards.
 * A typical sink:
 * <pre>{@code
 * (header, body, marker) -> {
 *     ByteBuf packet = alloc.ioBuffer(RtpHeader.SIZE + header.remaining() + body.remaining());
 *     RtpHeader.write(packet, marker, payloadType, sequence++, rtpTime, ssrc);
 *     packet.writeBytes(header).writeBytes(body);
 *     channel.write(new DatagramPacket(packet, client));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PayloadSink {

    /**
     * Takes one RTP payload.
     *
     * @param header payload-format header bytes (FU indicator and header, AU headers…), possibly empty
     * @param body   read-only bytes of the sample (or of a parameter set) that follow the header
     * @param marker the RTP marker bit for this packet
     */
    void payload(ByteBuffer header, ByteBuffer body, boolean marker);
}
