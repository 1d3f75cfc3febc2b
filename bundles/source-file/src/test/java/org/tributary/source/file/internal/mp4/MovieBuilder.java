package org.tributary.source.file.internal.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small synthetic movies byte by byte (ftyp, mdat, then moov), one chunk per track, to
 * exercise the table forms ffmpeg does not write: co64, stz2, uniform stsz, short NAL lengths,
 * empty edits.
 */
final class MovieBuilder {

    /** The mvhd timescale (QuickTime's classic 600), in which edit durations count. */
    static final int MOVIE_TIMESCALE = 600;

    /** One track: a handler, a sample entry and its samples, all of the same duration. */
    static final class Track {
        String handler = "vide";
        int timescale = 1000;
        int sampleDuration = 40;
        byte[] sampleEntry;
        byte[][] samples;
        boolean co64;
        boolean compactSizes;
        boolean uniformSize;
        int[] syncSamples;
        /** An edts box for the trak, or null. */
        byte[] edits;

        Track(String handler, byte[] sampleEntry, byte[]... samples) {
            this.handler = handler;
            this.sampleEntry = sampleEntry;
            this.samples = samples;
        }
    }

    private MovieBuilder() {
    }

    static byte[] movie(Track... tracks) {
        byte[] ftyp = box("ftyp", ascii("isom"), u32(0x200), ascii("isom"));
        ByteArrayOutputStream media = new ByteArrayOutputStream();
        List<byte[]> traks = new ArrayList<>();
        for (Track track : tracks) {
            long chunkOffset = ftyp.length + 8 + media.size();
            for (byte[] sample : track.samples) {
                media.writeBytes(sample);
            }
            traks.add(trak(track, chunkOffset));
        }
        byte[] mvhd = fullBox("mvhd", u32(0), u32(0), u32(MOVIE_TIMESCALE), u32(0), u32(0x00010000),
                u16(0x0100), new byte[10], new byte[36], new byte[24], u32(tracks.length + 1));
        return cat(ftyp, box("mdat", media.toByteArray()), box("moov", mvhd, cat(traks.toArray(new byte[0][]))));
    }

    private static byte[] trak(Track t, long chunkOffset) {
        int count = t.samples.length;
        byte[] mdhd = fullBox("mdhd", u32(0), u32(0), u32(t.timescale), u32((long) count * t.sampleDuration),
                u32(0x55C40000L));
        byte[] hdlr = fullBox("hdlr", u32(0), ascii(t.handler), new byte[12], new byte[1]);
        List<byte[]> stbl = new ArrayList<>();
        stbl.add(fullBox("stsd", u32(1), t.sampleEntry));
        stbl.add(fullBox("stts", u32(1), u32(count), u32(t.sampleDuration)));
        stbl.add(sizes(t));
        stbl.add(fullBox("stsc", u32(1), u32(1), u32(count), u32(1)));
        stbl.add(t.co64 ? fullBox("co64", u32(1), u64(chunkOffset)) : fullBox("stco", u32(1), u32(chunkOffset)));
        if (t.syncSamples != null) {
            ByteArrayOutputStream numbers = new ByteArrayOutputStream();
            for (int number : t.syncSamples) {
                numbers.writeBytes(u32(number));
            }
            stbl.add(fullBox("stss", u32(t.syncSamples.length), numbers.toByteArray()));
        }
        byte[] minf = box("minf", box("stbl", stbl.toArray(new byte[0][])));
        byte[] mdia = box("mdia", mdhd, hdlr, minf);
        return t.edits == null ? box("trak", mdia) : box("trak", t.edits, mdia);
    }

    /**
     * @param version 0 (32-bit fields) or 1 (64-bit)
     * @param edits   each {segment duration at {@link #MOVIE_TIMESCALE}, media time (-1: empty), rate in 16.16}
     * @return an edts box holding an elst of those edits
     */
    static byte[] edts(int version, long[]... edits) {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        for (long[] edit : edits) {
            entries.writeBytes(version == 1 ? cat(u64(edit[0]), u64(edit[1])) : cat(u32(edit[0]), u32(edit[1])));
            entries.writeBytes(u32(edit[2]));
        }
        byte[] elst = box("elst", new byte[] {(byte) version, 0, 0, 0}, u32(edits.length), entries.toByteArray());
        return box("edts", elst);
    }

    private static byte[] sizes(Track t) {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        if (t.compactSizes) {
            for (byte[] sample : t.samples) {
                table.write(sample.length);
            }
            return fullBox("stz2", new byte[] {0, 0, 0, 8}, u32(t.samples.length), table.toByteArray());
        }
        if (t.uniformSize) {
            return fullBox("stsz", u32(t.samples[0].length), u32(t.samples.length));
        }
        for (byte[] sample : t.samples) {
            table.writeBytes(u32(sample.length));
        }
        return fullBox("stsz", u32(0), u32(t.samples.length), table.toByteArray());
    }

    /** @return an avc1 visual sample entry holding the given avcC record */
    static byte[] avc1(int width, int height, byte[] avcC) {
        return box("avc1", new byte[6], u16(1), new byte[16], u16(width), u16(height), u32(0x00480000),
                u32(0x00480000), u32(0), u16(1), new byte[32], u16(0x18), u16(0xFFFF), box("avcC", avcC));
    }

    /** @return an mp4a audio sample entry holding an esds with that object type and config */
    static byte[] mp4a(int channels, int sampleRate, int objectType, byte[] decoderSpecificInfo) {
        byte[] dsi = cat(new byte[] {5, (byte) decoderSpecificInfo.length}, decoderSpecificInfo);
        byte[] decoderConfig = cat(new byte[] {4, (byte) (13 + dsi.length), (byte) objectType, 0x15},
                new byte[11], dsi);
        byte[] es = cat(new byte[] {3, (byte) (3 + decoderConfig.length), 0, 1, 0}, decoderConfig);
        return box("mp4a", new byte[6], u16(1), new byte[8], u16(channels), u16(16), u32(0),
                u32((long) sampleRate << 16), fullBox("esds", es));
    }

    /** @return a sample entry of a codec the source does not play */
    static byte[] unknownEntry(String type) {
        return box(type, new byte[6], u16(1), new byte[70]);
    }

    static byte[] box(String type, byte[]... parts) {
        byte[] body = cat(parts);
        return cat(u32(8L + body.length), ascii(type), body);
    }

    static byte[] fullBox(String type, byte[]... parts) {
        return box(type, cat(new byte[4], cat(parts)));
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] u16(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    static byte[] u32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    static byte[] u64(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
