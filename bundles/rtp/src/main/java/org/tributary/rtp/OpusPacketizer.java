package org.tributary.rtp;

import java.nio.ByteBuffer;

import org.tributary.api.MediaException;
import org.tributary.rtp.internal.PayloadSizes;

/**
 * Opus over RTP, RFC 7587: each sample, one Opus packet, is the whole payload of one RTP packet,
 * with no payload header. Opus packets are never fragmented (RFC 7587 4.2), so a sample above the
 * maximum payload is refused. The marker bit stays clear: it only marks the first packet after a
 * DTX pause, which a file does not have. Empty samples produce no packet.
 */
public final class OpusPacketizer implements RtpPacketizer {

    private static final ByteBuffer NO_HEADER = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final int maxPayloadSize;

    /**
     * @param maxPayloadSize largest payload per packet, see {@link RtpPacketizer#DEFAULT_MAX_PAYLOAD}
     * @throws IllegalArgumentException when the size is out of range
     */
    public OpusPacketizer(int maxPayloadSize) {
        this.maxPayloadSize = PayloadSizes.require(maxPayloadSize);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) throws MediaException {
        int size = sample.remaining();
        if (size == 0) {
            return;
        }
        if (size > maxPayloadSize) {
            throw new MediaException(MediaException.Reason.CORRUPT, "Opus sample: packet of " + size
                    + " bytes exceeds the " + maxPayloadSize + "-byte payload budget, and RFC 7587 has no fragmentation");
        }
        sink.payload(NO_HEADER, sample.asReadOnlyBuffer(), false);
    }

    @Override
    public int maxPayloadSize() {
        return maxPayloadSize;
    }
}
