package org.tributary.rtp;

import java.nio.ByteBuffer;

import org.tributary.api.MediaException;
import org.tributary.rtp.internal.FixedHeaderFragments;
import org.tributary.rtp.internal.PayloadSizes;

/**
 * H.263 and H.263+ over RTP, RFC 4629 ("H263-1998"), one picture per sample.
 * <p>
 * Every payload starts with the 2-byte H.263+ payload header (RR, P, V, PLEN, PEBIT), with no
 * video redundancy coding and no extra picture header. A picture that starts with a picture start
 * code goes with P=1 in its first packet, and the code's two leading zero bytes are left out as RFC
 * 4629 5.1 requires; the following packets carry P=0. The marker bit is set on the last packet of
 * the picture. Empty samples produce no packet.
 */
public final class H263Packetizer implements RtpPacketizer {

    private static final int HEADER_SIZE = 2;
    private static final int P_BIT = 0x0400;

    private final int maxPayloadSize;

    /**
     * @param maxPayloadSize largest payload per packet, see {@link RtpPacketizer#DEFAULT_MAX_PAYLOAD}
     * @throws IllegalArgumentException when the size is out of range
     */
    public H263Packetizer(int maxPayloadSize) {
        this.maxPayloadSize = PayloadSizes.require(maxPayloadSize);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) throws MediaException {
        if (!sample.hasRemaining()) {
            return;
        }
        int start = sample.position();
        boolean startCode = sample.remaining() > 2 && sample.get(start) == 0 && sample.get(start + 1) == 0;
        ByteBuffer body = sample.duplicate().position(startCode ? start + 2 : start);
        FixedHeaderFragments.send(body, maxPayloadSize, HEADER_SIZE,
                (header, sampleSize, offset) -> header.putShort((short) (startCode && offset == 0 ? P_BIT : 0)), true, sink);
    }

    @Override
    public int maxPayloadSize() {
        return maxPayloadSize;
    }
}
