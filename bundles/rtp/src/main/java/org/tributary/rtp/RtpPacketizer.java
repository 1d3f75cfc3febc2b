package org.tributary.rtp;

import java.nio.ByteBuffer;

import org.tributary.api.MediaException;

/**
 * Cuts one media sample into RTP payloads for one payload format.
 * <p>
 * Implementations keep no per-stream state and are thread-safe, so one instance may serve every
 * session of a presentation. A sample is checked as a whole before its first payload is handed
 * over, so a damaged sample produces either all of its packets or none.
 */
public interface RtpPacketizer {

    /** Payload size that keeps a packet within a 1500-byte Ethernet MTU with IPv4 or IPv6, UDP and RTP headers. */
    int DEFAULT_MAX_PAYLOAD = 1400;

    /** Smallest accepted maximum payload size: room for any payload header and some data. */
    int MIN_MAX_PAYLOAD = 16;

    /** Largest accepted maximum payload size: a UDP datagram of 65,507 bytes minus the RTP header. */
    int MAX_MAX_PAYLOAD = 65_495;

    /**
     * Hands the payloads of one sample to {@code sink}, in order; the last one ending the sample
     * carries the marker bit as the payload format defines it.
     *
     * @param sample the sample bytes from its position to its limit, laid out as the track's
     *               {@link org.tributary.api.Codec} describes; neither its position nor its content is changed
     * @param sink   receives each payload
     * @throws MediaException CORRUPT when the sample does not match its declared layout; nothing was sent then
     */
    void packetize(ByteBuffer sample, PayloadSink sink) throws MediaException;

    /** @return the largest payload (header and body together) this packetizer hands to a sink */
    int maxPayloadSize();
}
