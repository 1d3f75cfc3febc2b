package org.tributary.source.file.internal.mp4;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.Codec;
import org.tributary.api.MediaKind;

/**
 * Turns the first sample entry of an {@code stsd} box into a {@link SampleFormat}, or null when
 * the codec is not one Tributary streams (the track is then skipped).
 */
final class SampleEntryParser {

    private static final Logger LOG = LoggerFactory.getLogger(SampleEntryParser.class);

    /** Bytes of a VisualSampleEntry before its child boxes. */
    private static final int VISUAL_ENTRY = 78;
    /** Bytes of an AudioSampleEntry (and QuickTime sound description v0) before its child boxes. */
    private static final int AUDIO_ENTRY = 28;
    /** Extra bytes of a QuickTime sound description version 1 and version 2. */
    private static final int QT_SOUND_V1_EXTRA = 16;
    private static final int QT_SOUND_V2_EXTRA = 36;

    private static final int AMR_NB_RATE = 8000;

    private static final Set<Integer> AAC_OBJECT_TYPES = Set.of(0x40, 0x66, 0x67, 0x68);
    private static final Set<Integer> MP3_OBJECT_TYPES = Set.of(0x69, 0x6B);

    private SampleEntryParser() {
    }

    /** @return the format of the track's samples, or null when its codec is not supported */
    static SampleFormat parse(Box stsd, MediaKind kind) throws Mp4FormatException {
        BoxReader in = stsd.reader();
        in.fullBoxVersion();
        long count = in.u32();
        List<Box> entries = Box.parse(in.rest(), "stsd");
        if (count == 0 || entries.isEmpty()) {
            throw new Mp4FormatException("'stsd' holds no sample description");
        }
        Box entry = entries.get(0);
        return kind == MediaKind.VIDEO ? video(entry) : audio(entry);
    }

    private static SampleFormat video(Box entry) throws Mp4FormatException {
        BoxReader in = entry.reader();
        in.require(VISUAL_ENTRY, "a visual sample entry");
        in.skip(24);
        int width = in.u16();
        int height = in.u16();
        in.seek(VISUAL_ENTRY);
        List<Box> children = Box.parse(in.rest(), entry.type());
        switch (entry.type()) {
            case "avc1", "avc3" -> {
                byte[] avcC = payload(children, "avcC");
                if (avcC == null) {
                    return unsupported(entry, "without an 'avcC' box");
                }
                int lengthSize = nalLengthSize(avcC, 7, 4, "avcC");
                return new SampleFormat(MediaKind.VIDEO, Codec.H264, avcC, width, height, 0, 0, lengthSize);
            }
            case "hvc1", "hev1" -> {
                byte[] hvcC = payload(children, "hvcC");
                if (hvcC == null) {
                    return unsupported(entry, "without an 'hvcC' box");
                }
                int lengthSize = nalLengthSize(hvcC, 23, 21, "hvcC");
                return new SampleFormat(MediaKind.VIDEO, Codec.H265, hvcC, width, height, 0, 0, lengthSize);
            }
            case "s263" -> {
                byte[] d263 = payload(children, "d263");
                return new SampleFormat(MediaKind.VIDEO, Codec.H263, d263 == null ? new byte[0] : d263,
                        width, height, 0, 0, 0);
            }
            default -> {
                return unsupported(entry, "");
            }
        }
    }

    private static SampleFormat audio(Box entry) throws Mp4FormatException {
        BoxReader in = entry.reader();
        in.require(AUDIO_ENTRY, "an audio sample entry");
        in.skip(8);
        int version = in.u16();
        in.skip(6);
        int channels = in.u16();
        in.skip(6);
        int sampleRate = (int) (in.u32() >>> 16);
        int childStart = AUDIO_ENTRY;
        if (version == 1) {
            childStart += QT_SOUND_V1_EXTRA;
        } else if (version == 2) {
            in.require(QT_SOUND_V2_EXTRA, "a QuickTime sound description v2");
            in.skip(4);
            double rate = Double.longBitsToDouble((in.u32() << 32) | in.u32());
            sampleRate = rate > 0 && rate <= 1_000_000 ? (int) Math.round(rate) : 0;
            channels = (int) Math.min(in.u32(), 255);
            childStart += QT_SOUND_V2_EXTRA;
        }
        in.seek(childStart);
        List<Box> children = Box.parse(in.rest(), entry.type());
        switch (entry.type()) {
            case "mp4a" -> {
                return mpeg4Audio(entry, children, sampleRate, channels);
            }
            case ".mp3", "mp3 " -> {
                return new SampleFormat(MediaKind.AUDIO, Codec.MP3, new byte[0], 0, 0, sampleRate, channels, 0);
            }
            case "samr" -> {
                // AMR-NB always runs at 8 kHz, mono (3GPP TS 26.244 6.5), whatever the entry says
                return new SampleFormat(MediaKind.AUDIO, Codec.AMR_NB, new byte[0], 0, 0, AMR_NB_RATE, 1, 0);
            }
            case "Opus" -> {
                byte[] dOps = payload(children, "dOps");
                if (dOps == null || dOps.length < 11) {
                    return unsupported(entry, "without a complete 'dOps' box");
                }
                // Opus always decodes at 48 kHz whatever the input rate was (RFC 7587).
                return new SampleFormat(MediaKind.AUDIO, Codec.OPUS, dOps, 0, 0, 48_000, dOps[1] & 0xFF, 0);
            }
            default -> {
                return unsupported(entry, "");
            }
        }
    }

    private static SampleFormat mpeg4Audio(Box entry, List<Box> children, int sampleRate, int channels)
            throws Mp4FormatException {
        Box esds = find(children, "esds");
        Box wave = find(children, "wave");
        if (esds == null && wave != null) {
            // QuickTime files nest the esds inside a 'wave' (siDecompressionParam) box.
            esds = wave.child("esds");
        }
        if (esds == null) {
            return unsupported(entry, "without an 'esds' box");
        }
        EsDescriptor descriptor = EsDescriptor.parse(esds);
        int objectType = descriptor.objectType();
        if (MP3_OBJECT_TYPES.contains(objectType)) {
            return new SampleFormat(MediaKind.AUDIO, Codec.MP3, new byte[0], 0, 0, sampleRate, channels, 0);
        }
        if (!AAC_OBJECT_TYPES.contains(objectType)) {
            return unsupported(entry, "with object type 0x" + Integer.toHexString(objectType));
        }
        byte[] asc = descriptor.decoderSpecificInfo();
        if (asc.length < 2) {
            return unsupported(entry, "(AAC) without an AudioSpecificConfig");
        }
        AudioSpecificConfig parsed = AudioSpecificConfig.parse(asc);
        int rate = sampleRate != 0 ? sampleRate : parsed.sampleRate();
        // MP4 writers store 2 channels in the entry whatever the stream has: the config knows better
        int channelCount = parsed.channels() != 0 ? parsed.channels() : channels;
        return new SampleFormat(MediaKind.AUDIO, Codec.AAC, asc, 0, 0, rate, channelCount, 0);
    }

    /**
     * Reads the NAL length size of an avcC/hvcC record and, when it is not 4, sets it to 4 in the
     * record, because the samples handed out are rewritten to 4-byte lengths.
     */
    private static int nalLengthSize(byte[] record, int minLength, int lengthByte, String box)
            throws Mp4FormatException {
        if (record.length < minLength || record[0] != 1) {
            throw new Mp4FormatException("'" + box + "' is not a version 1 record of at least " + minLength + " bytes");
        }
        int lengthSize = (record[lengthByte] & 0x03) + 1;
        record[lengthByte] = (byte) (record[lengthByte] | 0x03);
        return lengthSize;
    }

    private static byte[] payload(List<Box> boxes, String type) {
        Box box = find(boxes, type);
        if (box == null) {
            return null;
        }
        byte[] bytes = new byte[box.payload().remaining()];
        box.payload().duplicate().get(bytes);
        return bytes;
    }

    private static Box find(List<Box> boxes, String type) {
        for (Box box : boxes) {
            if (box.type().equals(type)) {
                return box;
            }
        }
        return null;
    }

    private static SampleFormat unsupported(Box entry, String detail) {
        LOG.debug("Skipping a track with sample entry '{}' {}", entry.type(), detail);
        return null;
    }
}
