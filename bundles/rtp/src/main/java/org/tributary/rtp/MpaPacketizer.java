package org.tributary.rtp;

import java.nio.ByteBuffer;

import org.tributary.api.MediaException;
import org.tributary.rtp.internal.FixedHeaderFragments;
import org.tributary.rtp.internal.PayloadSizes;

/**
 * MPEG-1/2 audio (MP3) over RTP, RFC 2250 section 3.5 ("MPA", static payload type 14, 90 kHz
 * clock), one frame per packet.
 * <p>
 * Each payload starts with the 4-byte MPEG audio-specific header: 16 bits that must be zero, then
 * the 16-bit offset of this payload's data within the frame. A frame larger than the maximum
 * payload is fragmented, every fragment carrying its offset. The marker bit stays clear: RFC 2250
 * reserves it for timestamp discontinuities, which a single file does not have. Empty samples
 * produce no packet.
 */
public final class MpaPacketizer implements RtpPacketizer {

    /** The static RTP payload type of MPEG audio (RFC 3551). */
    public static final int PAYLOAD_TYPE = 14;

    /** The largest frame whose fragment offsets fit the 16-bit Frag_offset field. */
    public static final int MAX_FRAME_SIZE = 0xFFFF;

    private static final int HEADER_SIZE = 4;

    private final int maxPayloadSize;

    /**
     * @param maxPayloadSize largest payload per packet, see {@link RtpPacketizer#DEFAULT_MAX_PAYLOAD}
     * @throws IllegalArgumentException when the size is out of range
     */
    public MpaPacketizer(int maxPayloadSize) {
        this.maxPayloadSize = PayloadSizes.require(maxPayloadSize);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) throws MediaException {
        int size = sample.remaining();
        if (size == 0) {
            return;
        }
        if (size > MAX_FRAME_SIZE) {
            throw new MediaException(MediaException.Reason.CORRUPT, "MP3 sample: frame of " + size
                    + " bytes exceeds the " + MAX_FRAME_SIZE + " bytes a 16-bit fragment offset can address");
        }
        // 16 bits that must be zero, then the fragment's offset within the frame
        FixedHeaderFragments.send(sample, maxPayloadSize, HEADER_SIZE,
                (header, sampleSize, offset) -> header.putShort((short) 0).putShort((short) offset), false, sink);
    }

    @Override
    public int maxPayloadSize() {
        return maxPayloadSize;
    }
}
