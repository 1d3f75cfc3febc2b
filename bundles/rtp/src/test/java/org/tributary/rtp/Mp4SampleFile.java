package org.tributary.rtp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Reads the decoder configurations and the first video sample of the distribution's real
 * sample.mp4, by walking its boxes (ISO/IEC 14496-12 and -14), so that tests check against what
 * an encoder really produced rather than against hand-made records.
 */
final class Mp4SampleFile {

    /** The sample movie shipped in the distribution: H.264 Main 3.0 640x360 and AAC LC 48 kHz stereo. */
    static final Path SAMPLE = Paths.get(System.getProperty("basedir", "."))
            .resolve("../../assembly/src/main/media/sample.mp4").normalize();

    // VisualSampleEntry and AudioSampleEntry fields before their child boxes
    private static final int VISUAL_ENTRY_FIELDS = 78;
    private static final int AUDIO_ENTRY_FIELDS = 28;

    private final ByteBuffer file;

    private Mp4SampleFile(ByteBuffer file) {
        this.file = file;
    }

    static Mp4SampleFile open() throws IOException {
        return new Mp4SampleFile(ByteBuffer.wrap(Files.readAllBytes(SAMPLE)));
    }

    /** @return the body of the avcC box of the H.264 track */
    byte[] avcC() {
        ByteBuffer entry = sampleEntry("avc1");
        entry.position(entry.position() + VISUAL_ENTRY_FIELDS);
        return bytes(child(entry, "avcC"));
    }

    /** @return the DecoderSpecificInfo (AudioSpecificConfig) in the esds box of the AAC track */
    byte[] audioSpecificConfig() {
        ByteBuffer entry = sampleEntry("mp4a");
        entry.position(entry.position() + AUDIO_ENTRY_FIELDS);
        ByteBuffer esds = child(entry, "esds");
        esds.position(esds.position() + 4);
        expectDescriptor(esds, 3);
        esds.getShort();
        int flags = esds.get() & 0xFF;
        skip(esds, ((flags & 0x80) != 0 ? 2 : 0) + ((flags & 0x20) != 0 ? 2 : 0));
        if ((flags & 0x40) != 0) {
            skip(esds, esds.get() & 0xFF);
        }
        expectDescriptor(esds, 4);
        skip(esds, 13);
        int size = expectDescriptor(esds, 5);
        byte[] config = new byte[size];
        esds.get(config);
        return config;
    }

    /** @return the first sample of the H.264 track: one access unit of length-prefixed NAL units */
    ByteBuffer firstVideoSample() {
        ByteBuffer stbl = sampleTable("avc1");
        ByteBuffer stco = child(stbl.duplicate(), "stco");
        int offset = stco.getInt(stco.position() + 8);
        ByteBuffer stsz = child(stbl.duplicate(), "stsz");
        int size = stsz.getInt(stsz.position() + 4);
        if (size == 0) {
            size = stsz.getInt(stsz.position() + 12);
        }
        return file.duplicate().position(offset).limit(offset + size).slice();
    }

    private ByteBuffer sampleEntry(String type) {
        ByteBuffer stsd = child(sampleTable(type), "stsd");
        stsd.position(stsd.position() + 8);
        return child(stsd, type);
    }

    private ByteBuffer sampleTable(String entryType) {
        ByteBuffer moov = child(file.duplicate(), "moov");
        ByteBuffer trak;
        while ((trak = find(moov, "trak")) != null) {
            ByteBuffer stbl = child(child(child(trak, "mdia"), "minf"), "stbl");
            ByteBuffer stsd = child(stbl.duplicate(), "stsd");
            stsd.position(stsd.position() + 8);
            if (find(stsd, entryType) != null) {
                return stbl;
            }
        }
        throw new AssertionError("no " + entryType + " track in " + SAMPLE);
    }

    /** Finds the next child box of this type from the parent's position on, and moves the parent past it. */
    private static ByteBuffer child(ByteBuffer parent, String type) {
        ByteBuffer body = find(parent, type);
        if (body == null) {
            throw new AssertionError("no " + type + " box in " + SAMPLE);
        }
        return body;
    }

    private static ByteBuffer find(ByteBuffer parent, String type) {
        while (parent.remaining() >= 8) {
            int start = parent.position();
            long size = Integer.toUnsignedLong(parent.getInt());
            String name = new String(new byte[] {parent.get(), parent.get(), parent.get(), parent.get()},
                    StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = parent.getLong();
                header = 16;
            } else if (size == 0) {
                size = parent.limit() - start;
            }
            int end = Math.toIntExact(start + size);
            parent.position(end);
            if (name.equals(type)) {
                return parent.duplicate().position(start + header).limit(end);
            }
        }
        return null;
    }

    private static int expectDescriptor(ByteBuffer in, int tag) {
        int found = in.get() & 0xFF;
        if (found != tag) {
            throw new AssertionError("expected descriptor tag " + tag + " in esds, found " + found);
        }
        int size = 0;
        int b;
        do {
            b = in.get() & 0xFF;
            size = (size << 7) | (b & 0x7F);
        } while ((b & 0x80) != 0);
        return size;
    }

    private static void skip(ByteBuffer in, int bytes) {
        in.position(in.position() + bytes);
    }

    private static byte[] bytes(ByteBuffer body) {
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return bytes;
    }
}
