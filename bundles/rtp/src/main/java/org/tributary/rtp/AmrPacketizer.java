package org.tributary.rtp;

import java.nio.ByteBuffer;

import org.tributary.api.MediaException;
import org.tributary.rtp.internal.PayloadSizes;

/**
 * AMR narrowband over RTP, RFC 4867 octet-aligned mode ({@code octet-align=1}), all the frames of
 * one sample in one packet.
 * <p>
 * A sample holds frames in the storage format (RFC 4867 section 5.3: a header byte with the frame
 * type FT and quality bit Q, then the speech bytes). The payload is the codec mode request byte
 * (15: no request), one table-of-contents byte per frame (F set on all but the last, FT, Q), then
 * the frames' speech bytes in order. Frames are never split over packets, so a sample whose payload
 * exceeds the budget is refused, and so is a frame type that RFC 4867 reserves or a frame cut
 * short. The marker bit stays clear: it marks the start of a talk spurt, which a file does not signal.
 */
public final class AmrPacketizer implements RtpPacketizer {

    /** Speech bytes per frame type 0..15 (TS 26.101 table 1a, octet-aligned); -1 for reserved types. */
    private static final int[] SPEECH_BYTES = {12, 13, 15, 17, 19, 20, 26, 31, 5, -1, -1, -1, -1, -1, -1, 0};
    private static final int NO_MODE_REQUEST = 0xF0;
    private static final int FOLLOWED_BY_ANOTHER_FRAME = 0x80;
    private static final int TYPE_AND_QUALITY = 0x7C;

    private final int maxPayloadSize;

    /**
     * @param maxPayloadSize largest payload per packet, see {@link RtpPacketizer#DEFAULT_MAX_PAYLOAD}
     * @throws IllegalArgumentException when the size is out of range
     */
    public AmrPacketizer(int maxPayloadSize) {
        this.maxPayloadSize = PayloadSizes.require(maxPayloadSize);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) throws MediaException {
        int frames = countFrames(sample);
        if (frames == 0) {
            return;
        }
        int speech = sample.remaining() - frames;
        int size = 1 + frames + speech;
        if (size > maxPayloadSize) {
            throw corrupt(frames + " frames need a " + size + "-byte payload, over the " + maxPayloadSize
                    + "-byte budget, and RFC 4867 frames are not split");
        }
        ByteBuffer header = ByteBuffer.allocate(1 + frames).put((byte) NO_MODE_REQUEST);
        ByteBuffer body = ByteBuffer.allocate(speech);
        int at = sample.position();
        for (int frame = 1; frame <= frames; frame++) {
            int frameHeader = sample.get(at);
            header.put((byte) ((frame < frames ? FOLLOWED_BY_ANOTHER_FRAME : 0) | (frameHeader & TYPE_AND_QUALITY)));
            int length = SPEECH_BYTES[(frameHeader >> 3) & 0xF];
            body.put(sample.duplicate().position(at + 1).limit(at + 1 + length));
            at += 1 + length;
        }
        sink.payload(header.flip(), body.flip().asReadOnlyBuffer(), false);
    }

    /** @return the number of frames, after checking that each is complete and of a known type */
    private static int countFrames(ByteBuffer sample) throws MediaException {
        int frames = 0;
        int end = sample.limit();
        for (int at = sample.position(); at < end; frames++) {
            int type = (sample.get(at) >> 3) & 0xF;
            int length = SPEECH_BYTES[type];
            if (length < 0) {
                throw corrupt("frame " + (frames + 1) + " has the reserved frame type " + type);
            }
            if (at + 1 + length > end) {
                throw corrupt("frame " + (frames + 1) + " of type " + type + " needs " + length
                        + " speech bytes, " + (end - at - 1) + " are left");
            }
            at += 1 + length;
        }
        return frames;
    }

    private static MediaException corrupt(String cause) {
        return new MediaException(MediaException.Reason.CORRUPT, "AMR sample: " + cause);
    }

    @Override
    public int maxPayloadSize() {
        return maxPayloadSize;
    }
}
