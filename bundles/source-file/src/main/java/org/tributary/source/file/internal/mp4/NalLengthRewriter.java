package org.tributary.source.file.internal.mp4;

import java.nio.ByteBuffer;

/**
 * Rewrites an H.264/H.265 sample whose NAL units carry 1-, 2- or 3-byte length prefixes into the
 * 4-byte prefixes the API promises, checking that every NAL unit fits in the sample.
 */
final class NalLengthRewriter {

    private NalLengthRewriter() {
    }

    /**
     * @param sample     the sample as stored, from position to limit
     * @param lengthSize bytes of each length prefix in {@code sample}, 1 to 4
     * @return a new buffer, ready to read, with 4-byte length prefixes
     * @throws Mp4FormatException when a length prefix or a NAL unit runs past the end of the sample
     */
    static ByteBuffer toFourByteLengths(ByteBuffer sample, int lengthSize) throws Mp4FormatException {
        return toFourByteLengths(sample, lengthSize, new SampleBuffer());
    }

    /**
     * As {@link #toFourByteLengths(ByteBuffer, int)}, into a buffer taken from {@code target}.
     *
     * @param target where the rewritten sample goes; not the buffer {@code sample} lives in
     */
    static ByteBuffer toFourByteLengths(ByteBuffer sample, int lengthSize, SampleBuffer target)
            throws Mp4FormatException {
        int start = sample.position();
        int limit = sample.limit();
        int units = 0;
        for (int at = start; at < limit; units++) {
            at = nextUnit(sample, at, lengthSize);
        }
        ByteBuffer out = target.take(limit - start + units * (4 - lengthSize));
        for (int at = start; at < limit; ) {
            int length = (int) length(sample, at, lengthSize);
            out.putInt(length);
            out.put(out.position(), sample, at + lengthSize, length).position(out.position() + length);
            at += lengthSize + length;
        }
        return out.flip();
    }

    private static int nextUnit(ByteBuffer sample, int at, int lengthSize) throws Mp4FormatException {
        int limit = sample.limit();
        if (limit - at < lengthSize) {
            throw new Mp4FormatException("NAL length prefix cut at byte " + (at - sample.position())
                    + " of a " + (limit - sample.position()) + "-byte sample");
        }
        long length = length(sample, at, lengthSize);
        if (length > limit - at - lengthSize) {
            throw new Mp4FormatException("NAL unit of " + length + " bytes at byte " + (at - sample.position())
                    + " runs past the end of a " + (limit - sample.position()) + "-byte sample");
        }
        return at + lengthSize + (int) length;
    }

    private static long length(ByteBuffer sample, int at, int lengthSize) {
        long length = 0;
        for (int i = 0; i < lengthSize; i++) {
            length = (length << 8) | (sample.get(at + i) & 0xFF);
        }
        return length;
    }
}
