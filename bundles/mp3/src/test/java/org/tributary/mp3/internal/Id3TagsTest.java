package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class Id3TagsTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    /** An ID3v2 frame: id, size (plain for v2.3, syncsafe for v2.4), two flag bytes, then the body. */
    static byte[] frame(int major, String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        int size = body.length;
        if (major == 4) {
            size = (size & 0x7F) | (size >> 7 & 0x7F) << 8 | (size >> 14 & 0x7F) << 16 | (size >> 21 & 0x7F) << 24;
        }
        out.writeBytes(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size, 0, 0});
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] text(int encoding, String value, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(encoding);
        out.writeBytes(value.getBytes(charset));
        return out.toByteArray();
    }

    /** An ID3v2 tag whose header claims {@code claimed} bytes (or the frames' size plus padding when -1). */
    static byte[] tag(int major, int flags, int claimed, byte[]... frames) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            body.writeBytes(f);
        }
        body.writeBytes(new byte[16]);
        int size = claimed >= 0 ? claimed : body.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', (byte) major, 0, (byte) flags,
            (byte) (size >> 21 & 0x7F), (byte) (size >> 14 & 0x7F), (byte) (size >> 7 & 0x7F), (byte) (size & 0x7F)});
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] v1(String title, String artist) {
        byte[] tag = new byte[128];
        tag[0] = 'T';
        tag[1] = 'A';
        tag[2] = 'G';
        byte[] t = title.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, tag, 3, Math.min(30, t.length));
        byte[] a = artist.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(a, 0, tag, 33, Math.min(30, a.length));
        return tag;
    }

    private Id3Tags read(byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        Path file = temp.newFile().toPath();
        Files.write(file, all.toByteArray());
        try (FileChannel channel = FileChannel.open(file)) {
            return Id3Tags.read(channel);
        }
    }

    @Test
    public void v23Latin1TitleAndArtist() throws IOException {
        byte[] tag = tag(3, 0, -1, frame(3, "TIT2", text(0, "Caf\u00e9", StandardCharsets.ISO_8859_1)),
                frame(3, "TPE1", text(0, "Band", StandardCharsets.ISO_8859_1)));
        Id3Tags tags = read(tag, TestFrames.frames(2));
        assertEquals("Caf\u00e9", tags.title());
        assertEquals("Band", tags.artist());
        assertEquals(tag.length, tags.audioStart());
        assertEquals(tag.length + 2 * TestFrames.SIZE, tags.audioEnd());
        assertEquals("Band - Caf\u00e9", tags.streamTitle("x.mp3"));
    }

    @Test
    public void v23Utf16WithByteOrderMark() throws IOException {
        byte[] body = text(1, "\uFEFF\u266b Song\u0000", StandardCharsets.UTF_16LE);
        assertEquals("\u266b Song", read(tag(3, 0, -1, frame(3, "TIT2", body))).title());
    }

    @Test
    public void v24Utf8AndUtf16BigEndianWithSyncsafeSizes() throws IOException {
        String longTitle = "\u00c9t\u00e9 ".repeat(40);
        Id3Tags tags = read(tag(4, 0, -1, frame(4, "TPE1", text(2, "Ch\u0153ur", StandardCharsets.UTF_16BE)),
                frame(4, "TIT2", text(3, longTitle + "\u0000second value", StandardCharsets.UTF_8))));
        assertEquals(longTitle.strip(), tags.title());
        assertEquals("Ch\u0153ur", tags.artist());
    }

    @Test
    public void v22ThreeLetterFrames() throws IOException {
        byte[] body = text(0, "Old", StandardCharsets.ISO_8859_1);
        byte[] frame = {'T', 'T', '2', 0, 0, (byte) body.length};
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(frame);
        f.writeBytes(body);
        assertEquals("Old", read(tag(2, 0, -1, f.toByteArray())).title());
    }

    @Test
    public void anExtendedHeaderIsSkipped() throws IOException {
        byte[] extended = {0, 0, 0, 6, 0, 0, 0, 0, 0, 0};
        byte[] title = frame(3, "TIT2", text(0, "After", StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.writeBytes(extended);
        frames.writeBytes(title);
        assertEquals("After", read(tag(3, 0x40, -1, frames.toByteArray())).title());
    }

    @Test
    public void id3v1IsTheFallbackAndItsBytesAreNotAudio() throws IOException {
        byte[] audio = TestFrames.frames(3);
        Id3Tags tags = read(audio, v1("Tape", "Artist"));
        assertEquals("Tape", tags.title());
        assertEquals("Artist", tags.artist());
        assertEquals(0, tags.audioStart());
        assertEquals(audio.length, tags.audioEnd());
        Id3Tags mixed = read(tag(3, 0, -1, frame(3, "TPE1", text(0, "V2", StandardCharsets.ISO_8859_1))), audio,
                v1("V1 title", "V1 artist"));
        assertEquals("V2 - V1 title", mixed.streamTitle("f.mp3"));
    }

    @Test
    public void withoutTagsTheFileNameIsTheTitle() throws IOException {
        Id3Tags tags = read(TestFrames.frames(1));
        assertNull(tags.title());
        assertEquals("my song.v2", tags.streamTitle("my song.v2.mp3"));
        assertEquals("plain", read(new byte[0]).streamTitle("plain"));
    }

    @Test
    public void aTagLongerThanTheFileEndsAtTheFile() throws IOException {
        byte[] tag = tag(3, 0, 0x0FFFFFFF, frame(3, "TIT2", text(0, "Liar", StandardCharsets.ISO_8859_1)));
        Id3Tags tags = read(tag);
        assertEquals("Liar", tags.title());
        assertEquals(tag.length, tags.audioStart());
    }

    @Test
    public void aFrameLongerThanItsTagIsNotRead() throws IOException {
        byte[] frame = frame(3, "TIT2", text(0, "Truncated", StandardCharsets.ISO_8859_1));
        frame[4] = 0x7F;
        assertNull(read(tag(3, 0, -1, frame), TestFrames.frames(2)).title());
        byte[] v4 = frame(4, "TIT2", text(0, "Bad size", StandardCharsets.ISO_8859_1));
        v4[7] = (byte) 0x80;
        assertNull(read(tag(4, 0, -1, v4)).title());
    }

    @Test
    public void aHeaderWithANonSyncsafeSizeIsNoTag() throws IOException {
        byte[] tag = tag(3, 0, -1, frame(3, "TIT2", text(0, "X", StandardCharsets.ISO_8859_1)));
        tag[9] = (byte) 0x80;
        Id3Tags tags = read(tag);
        assertNull(tags.title());
        assertEquals(0, tags.audioStart());
    }

    @Test
    public void unknownEncodingsEmptyTextsAndHugeTextsAreHandled() throws IOException {
        assertNull(read(tag(3, 0, -1, frame(3, "TIT2", text(7, "x", StandardCharsets.ISO_8859_1)))).title());
        assertNull(read(tag(3, 0, -1, frame(3, "TIT2", new byte[] {0}))).title());
        assertNull(read(tag(3, 0, -1, frame(3, "TIT2", text(0, " \u0000", StandardCharsets.ISO_8859_1)))).title());
        String huge = "A".repeat(100_000);
        Id3Tags tags = read(tag(3, 0, -1, frame(3, "TIT2", text(0, huge, StandardCharsets.ISO_8859_1))));
        assertEquals(Id3Tags.MAX_TEXT - 1, tags.title().length());
        byte[] odd = text(1, "\uFEFFab", StandardCharsets.UTF_16LE);
        assertEquals("ab", Id3Tags.text(java.nio.ByteBuffer.wrap(java.util.Arrays.copyOf(odd, odd.length + 1))));
    }

    @Test
    public void unsynchronisedTextIsRestored() throws IOException {
        byte[] body = {1, (byte) 0xFF, 0, (byte) 0xFE, 'h', 0, 'i', 0};
        assertEquals("hi", read(tag(3, 0x80, -1, frame(3, "TIT2", body))).title());
    }

    @Test
    public void paddingEndsTheFramesAndTheFrameCountIsBounded() throws IOException {
        byte[][] many = new byte[Id3Tags.MAX_FRAMES + 1][];
        for (int i = 0; i < Id3Tags.MAX_FRAMES; i++) {
            many[i] = frame(3, "TXXX", new byte[] {0, 'x'});
        }
        many[Id3Tags.MAX_FRAMES] = frame(3, "TIT2", text(0, "Too late", StandardCharsets.ISO_8859_1));
        assertNull(read(tag(3, 0, -1, many)).title());
    }
}
