package org.tributary.rtp;

import java.nio.ByteBuffer;

import org.tributary.api.MediaException;
import org.tributary.rtp.internal.FixedHeaderFragments;
import org.tributary.rtp.internal.PayloadSizes;

/**
 * AAC over RTP, RFC 3640 mpeg4-generic in mode AAC-hbr (sizeLength=13, indexLength=3,
 * indexDeltaLength=3), one access unit per packet.
 * <p>
 * Each payload starts with a 16-bit AU-headers-length of 16 bits and one 2-byte AU header
 * holding the AU size and index 0. An access unit larger than the maximum payload is fragmented
 * (RFC 3640 3.2.3): every fragment repeats the AU header with the size of the whole AU, and only
 * the last one carries the marker bit. Empty samples produce no packet.
 */
public final class AacPacketizer implements RtpPacketizer {

    /** Largest AU size a 13-bit AU-size field can express. */
    public static final int MAX_ACCESS_UNIT_SIZE = (1 << 13) - 1;

    private static final int AU_HEADERS_LENGTH_BITS = 16;
    private static final int HEADERS_SIZE = 4;
    private static final int INDEX_BITS = 3;

    private final int maxPayloadSize;

    /**
     * @param maxPayloadSize largest payload per packet, see {@link RtpPacketizer#DEFAULT_MAX_PAYLOAD}
     * @throws IllegalArgumentException when the size is out of range
     */
    public AacPacketizer(int maxPayloadSize) {
        this.maxPayloadSize = PayloadSizes.require(maxPayloadSize);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) throws MediaException {
        int size = sample.remaining();
        if (size == 0) {
            return;
        }
        if (size > MAX_ACCESS_UNIT_SIZE) {
            throw new MediaException(MediaException.Reason.CORRUPT, "AAC sample: access unit of " + size
                    + " bytes exceeds the " + MAX_ACCESS_UNIT_SIZE + " bytes a 13-bit AU-size can express");
        }
        FixedHeaderFragments.send(sample, maxPayloadSize, HEADERS_SIZE,
                (header, sampleSize, offset) -> header.putShort((short) AU_HEADERS_LENGTH_BITS)
                        .putShort((short) (sampleSize << INDEX_BITS)), true, sink);
    }

    @Override
    public int maxPayloadSize() {
        return maxPayloadSize;
    }
}
