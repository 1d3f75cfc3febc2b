package org.tributary.source.file.internal.mp4;

/**
 * Reads the sampling rate and channel configuration from the start of an MPEG-4
 * AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1), for AAC tracks whose sample entry leaves them 0.
 *
 * @param sampleRate base sampling frequency in Hz, 0 when the config does not say
 * @param channels   channel count from channelConfiguration, 0 when defined elsewhere (PCE)
 */
record AudioSpecificConfig(int sampleRate, int channels) {

    private static final int[] FREQUENCIES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};
    private static final int EXPLICIT_FREQUENCY = 0xF;
    private static final int ESCAPED_OBJECT_TYPE = 31;

    /** @return what the config says, or zeros when it is too short to tell */
    static AudioSpecificConfig parse(byte[] config) {
        Bits bits = new Bits(config);
        if (bits.read(5) == ESCAPED_OBJECT_TYPE) {
            bits.read(6);
        }
        int index = bits.read(4);
        int rate;
        if (index == EXPLICIT_FREQUENCY) {
            rate = bits.read(24);
        } else {
            rate = index < FREQUENCIES.length ? FREQUENCIES[index] : 0;
        }
        int channelConfiguration = bits.read(4);
        if (bits.overrun) {
            return new AudioSpecificConfig(0, 0);
        }
        int channels = channelConfiguration == 7 ? 8 : channelConfiguration;
        return new AudioSpecificConfig(rate, channelConfiguration > 7 ? 0 : channels);
    }

    /** Most-significant-bit-first reader that notes, rather than throws, when it runs out. */
    private static final class Bits {
        private final byte[] data;
        private int bit;
        private boolean overrun;

        Bits(byte[] data) {
            this.data = data;
        }

        int read(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                int index = bit >>> 3;
                if (index >= data.length) {
                    overrun = true;
                    return 0;
                }
                value = (value << 1) | ((data[index] >>> (7 - (bit & 7))) & 1);
                bit++;
            }
            return value;
        }
    }
}
