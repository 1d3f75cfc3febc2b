package org.tributary.rtp.mpa;

/**
 * The 4-byte header of an MPEG-1, MPEG-2 or MPEG-2.5 audio layer III frame (ISO/IEC 11172-3 2.4.1.3,
 * ISO/IEC 13818-3), with what the frame's size and duration follow from.
 *
 * @param version         version bits: 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5
 * @param sampleRate      sampling rate in Hz
 * @param bitrate         bit rate in bits per second
 * @param channels        1 for single channel, 2 otherwise
 * @param frameSize       bytes of the whole frame, header included
 * @param samplesPerFrame PCM samples per channel the frame decodes to: 1152 (MPEG-1) or 576
 * @param protectedByCrc  true when a 16-bit CRC follows the header
 */
public record Mp3FrameHeader(int version, int sampleRate, int bitrate, int channels, int frameSize,
                             int samplesPerFrame, boolean protectedByCrc) {

    /** Size of the header in bytes. */
    public static final int SIZE = 4;

    private static final int MPEG1 = 3;
    private static final int RESERVED_VERSION = 1;
    private static final int LAYER_III = 1;
    private static final int RESERVED_EMPHASIS = 2;
    private static final int SINGLE_CHANNEL = 3;
    // kbit/s by bitrate index 1..14; index 0 (free format) and 15 are not accepted
    private static final int[] MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    // Hz by version bits (2.5, reserved, 2, 1) and sampling frequency index 0..2
    private static final int[][] RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000},
        {44100, 48000, 32000}};

    /**
     * @param word the four header bytes, big-endian
     * @return the header, or null when the word is not the header of a layer III frame this
     *         server plays (no sync, reserved values, free-format bit rate)
     */
    public static Mp3FrameHeader parse(int word) {
        int version = (word >>> 19) & 3;
        int layer = (word >>> 17) & 3;
        int bitrateIndex = (word >>> 12) & 0xF;
        int rateIndex = (word >>> 10) & 3;
        if ((word >>> 21) != 0x7FF || version == RESERVED_VERSION || layer != LAYER_III || bitrateIndex == 0
                || bitrateIndex == 0xF || rateIndex == 3 || (word & 3) == RESERVED_EMPHASIS) {
            return null;
        }
        boolean mpeg1 = version == MPEG1;
        int bitrate = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex] * 1000;
        int sampleRate = RATES[version][rateIndex];
        int padding = (word >>> 9) & 1;
        int samples = mpeg1 ? 1152 : 576;
        // bytes = samples / 8 bits * bitrate / rate, plus one padding byte
        int frameSize = samples / 8 * bitrate / sampleRate + padding;
        int channels = ((word >>> 6) & 3) == SINGLE_CHANNEL ? 1 : 2;
        return new Mp3FrameHeader(version, sampleRate, bitrate, channels, frameSize, samples, (word & 0x10000) == 0);
    }

    /** @return true when a frame with this header can follow one with {@code other} in the same stream */
    public boolean sameStreamAs(Mp3FrameHeader other) {
        return version == other.version && sampleRate == other.sampleRate;
    }

    /**
     * @return the offset, from the frame start, where a Xing or Info tag would begin: after the
     *         header, the CRC and the side information
     */
    public int sideInfoEnd() {
        int sideInfo = version == MPEG1 ? (channels == 1 ? 17 : 32) : (channels == 1 ? 9 : 17);
        return SIZE + (protectedByCrc ? 2 : 0) + sideInfo;
    }
}
