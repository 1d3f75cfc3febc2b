package org.tributary.rtp.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.tributary.api.MediaException;

/**
 * The NAL units of one sample stored as 4-byte big-endian lengths each followed by the unit
 * (the MP4 "AVCC"/"HVCC" layout), located and bounds-checked in one pass so that a packetizer
 * can refuse a damaged sample before sending any of it. Empty units are dropped.
 */
public final class LengthPrefixedNals {

    private static final int LENGTH_SIZE = 4;
    private static final int FIRST_CAPACITY = 8;
    /** A reused table keeps at most this many entries between samples; a sample of more grows it again. */
    private static final int KEPT_CAPACITY = 1024;

    private int[] offsets = new int[FIRST_CAPACITY];
    private int[] lengths = new int[FIRST_CAPACITY];
    private int count;

    LengthPrefixedNals() {
    }

    /**
     * Locates the NAL units between the sample's position and limit into a new table.
     *
     * @param sample a sample; read with absolute gets, its position is not changed
     * @param codec  the codec name to put in error messages, such as "H.264"
     * @return the units found
     * @throws MediaException CORRUPT naming the offset and the lengths when a prefix or a unit
     *                        runs past the end of the sample
     */
    public static LengthPrefixedNals scan(ByteBuffer sample, String codec) throws MediaException {
        return new LengthPrefixedNals().locate(sample, codec);
    }

    /**
     * Like {@link #scan}, into this table: what it held before is forgotten, its arrays are kept.
     *
     * @return this table
     */
    LengthPrefixedNals locate(ByteBuffer sample, String codec) throws MediaException {
        LengthPrefixedNals nals = this;
        count = 0;
        if (offsets.length > KEPT_CAPACITY) {
            // one sample of thousands of tiny units must not pin its table in a thread's scratch for good
            offsets = new int[FIRST_CAPACITY];
            lengths = new int[FIRST_CAPACITY];
        }
        int start = sample.position();
        int end = sample.limit();
        int size = end - start;
        int at = start;
        while (at < end) {
            int left = end - at;
            if (left < LENGTH_SIZE) {
                throw corrupt(codec, "truncated NAL length prefix: " + left + " byte(s) left at offset "
                        + (at - start) + " of the " + size + "-byte sample");
            }
            long length = readLength(sample, at);
            if (length > left - LENGTH_SIZE) {
                throw corrupt(codec, "NAL unit length " + length + " at offset " + (at - start)
                        + " exceeds the " + (left - LENGTH_SIZE) + " bytes left in the " + size + "-byte sample");
            }
            if (length > 0) {
                nals.add(at + LENGTH_SIZE, (int) length);
            }
            at += LENGTH_SIZE + (int) length;
        }
        return nals;
    }

    // whatever byte order the caller's buffer has, the prefix is big-endian
    private static long readLength(ByteBuffer sample, int at) {
        long length = 0;
        for (int i = 0; i < LENGTH_SIZE; i++) {
            length = (length << 8) | (sample.get(at + i) & 0xFF);
        }
        return length;
    }

    private static MediaException corrupt(String codec, String cause) {
        return new MediaException(MediaException.Reason.CORRUPT, codec + " sample: " + cause);
    }

    private void add(int offset, int length) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        offsets[count] = offset;
        lengths[count] = length;
        count++;
    }

    /** @return how many units the table holds room for now */
    int capacity() {
        return offsets.length;
    }

    /** @return how many non-empty units the sample holds */
    public int count() {
        return count;
    }

    /**
     * @param index 0-based unit index
     * @return the absolute buffer index of the unit's first byte (its NAL header)
     */
    public int offset(int index) {
        return offsets[index];
    }

    /**
     * @param index 0-based unit index
     * @return the unit's length in bytes, at least 1
     */
    public int length(int index) {
        return lengths[index];
    }
}
