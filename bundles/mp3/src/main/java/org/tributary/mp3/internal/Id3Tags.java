package org.tributary.mp3.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What the ID3 tags of an MP3 file say: its title and artist (ID3v2.2/2.3/2.4 {@code TIT2}/{@code TPE1}, in
 * ISO-8859-1, UTF-16 or UTF-8, else the ID3v1 tag at the end) and where its audio lies between them. Tags are
 * untrusted: every length is checked against the tag and the file, frames are read one at a time with
 * positional reads (a tag of megabytes of cover art is skipped, never loaded), and at most {@link #MAX_FRAMES}
 * frames and {@link #MAX_TEXT} bytes of one text are read.
 *
 * @param title      the title, or null
 * @param artist     the artist, or null
 * @param audioStart the offset after the ID3v2 tag (0 without one)
 * @param audioEnd   the offset of the ID3v1 tag, or the file's size without one
 */
record Id3Tags(String title, String artist, long audioStart, long audioEnd) {

    /** The most frames of an ID3v2 tag looked at. */
    static final int MAX_FRAMES = 512;

    /** The most bytes of a text frame read. */
    static final int MAX_TEXT = 1024;

    private static final int HEADER = 10;
    private static final int V1_SIZE = 128;
    private static final int V1_FIELD = 30;

    /** Reads the tags of a file. */
    static Id3Tags read(FileChannel file) throws IOException {
        long size = file.size();
        String[] v1 = new String[2];
        long audioEnd = size;
        if (size >= V1_SIZE) {
            ByteBuffer tail = readAt(file, size - V1_SIZE, V1_SIZE);
            if (tail.remaining() == V1_SIZE && startsWith(tail, "TAG")) {
                v1[0] = latin1(tail, 3, V1_FIELD);
                v1[1] = latin1(tail, 3 + V1_FIELD, V1_FIELD);
                audioEnd = size - V1_SIZE;
            }
        }
        String[] v2 = new String[2];
        long audioStart = readV2(file, audioEnd, v2);
        return new Id3Tags(v2[0] != null ? v2[0] : v1[0], v2[1] != null ? v2[1] : v1[1], audioStart, audioEnd);
    }

    /**
     * @param fileName the file's name, used when no tag gives a title
     * @return the ICY title: {@code Artist - Title}, the title alone, or the file name without its extension
     */
    String streamTitle(String fileName) {
        String name = title != null ? title : fileName.replaceFirst("\\.[^.]*$", "");
        return artist != null ? artist + " - " + name : name;
    }

    /** @return the end of the ID3v2 tag at the start of the file (0 without one); fills title and artist */
    private static long readV2(FileChannel file, long limit, String[] found) throws IOException {
        ByteBuffer header = readAt(file, 0, HEADER);
        if (header.remaining() < HEADER || !startsWith(header, "ID3")) {
            return 0;
        }
        int major = header.get(3);
        int flags = header.get(5);
        int size = syncsafe(header, 6);
        if (size < 0 || major < 2 || major > 4) {
            return 0;
        }
        boolean footer = major == 4 && (flags & 0x10) != 0;
        long end = Math.min(limit, HEADER + (long) size);
        long pos = HEADER;
        if ((flags & 0x40) != 0 && major >= 3) {
            ByteBuffer extended = readAt(file, pos, 4);
            if (extended.remaining() < 4) {
                return Math.min(limit, end);
            }
            long extendedSize = major == 3 ? 4 + Integer.toUnsignedLong(extended.getInt(0)) : syncsafe(extended, 0);
            pos += Math.max(extendedSize, 4);
        }
        boolean unsynchronised = (flags & 0x80) != 0;
        readFrames(file, major, pos, end, unsynchronised, found);
        return Math.min(limit, end + (footer ? HEADER : 0));
    }

    private static void readFrames(FileChannel file, int major, long start, long end, boolean unsynchronised,
                                   String[] found) throws IOException {
        int idLength = major == 2 ? 3 : 4;
        int headerLength = major == 2 ? 6 : HEADER;
        long pos = start;
        for (int frames = 0; frames < MAX_FRAMES && pos + headerLength <= end; frames++) {
            ByteBuffer header = readAt(file, pos, headerLength);
            if (header.remaining() < headerLength) {
                return;
            }
            String id = frameId(header, idLength);
            long size = major == 2 ? (header.getInt(2) & 0xFFFFFF) : major == 3 ? Integer.toUnsignedLong(header.getInt(4))
                    : syncsafe(header, 4);
            if (id == null || size < 0 || pos + headerLength + size > end) {
                return;
            }
            int slot = slot(id);
            if (slot >= 0 && found[slot] == null && size > 0) {
                boolean frameUnsync = unsynchronised || major == 4 && (header.get(9) & 0x02) != 0;
                ByteBuffer data = readAt(file, pos + headerLength, (int) Math.min(size, MAX_TEXT));
                found[slot] = text(frameUnsync ? resynchronise(data) : data);
            }
            pos += headerLength + size;
        }
    }

    private static int slot(String id) {
        return switch (id) {
            case "TIT2", "TT2" -> 0;
            case "TPE1", "TP1" -> 1;
            default -> -1;
        };
    }

    /** @return the frame id, or null when the bytes are padding or not an id */
    private static String frameId(ByteBuffer header, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = (char) (header.get(i) & 0xFF);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return null;
            }
            id.append(c);
        }
        return id.toString();
    }

    /** @return the text of a text frame (encoding byte, then the text), its first value only; null if empty */
    static String text(ByteBuffer data) {
        if (data.remaining() < 2) {
            return null;
        }
        Charset charset = switch (data.get(data.position())) {
            case 0 -> StandardCharsets.ISO_8859_1;
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> null;
        };
        if (charset == null) {
            return null;
        }
        byte[] bytes = new byte[data.remaining() - 1];
        data.get(data.position() + 1, bytes);
        int length = bytes.length;
        if (charset != StandardCharsets.ISO_8859_1 && charset != StandardCharsets.UTF_8) {
            length &= ~1;
        }
        String value = new String(bytes, 0, length, charset);
        int nul = value.indexOf('\0');
        return clean(nul >= 0 ? value.substring(0, nul) : value);
    }

    private static String latin1(ByteBuffer tag, int offset, int length) {
        byte[] bytes = new byte[length];
        tag.get(offset, bytes);
        String value = new String(bytes, StandardCharsets.ISO_8859_1);
        int nul = value.indexOf('\0');
        return clean(nul >= 0 ? value.substring(0, nul) : value);
    }

    private static String clean(String value) {
        String text = value.replaceAll("\\p{Cntrl}", "").strip();
        return text.isEmpty() ? null : text;
    }

    /** Undoes ID3 unsynchronisation: a 0x00 after a 0xFF was inserted by the writer. */
    private static ByteBuffer resynchronise(ByteBuffer data) {
        ByteBuffer out = ByteBuffer.allocate(data.remaining());
        byte previous = 0;
        while (data.hasRemaining()) {
            byte b = data.get();
            if (!(previous == (byte) 0xFF && b == 0)) {
                out.put(b);
            }
            previous = b;
        }
        return out.flip();
    }

    /** @return the 28-bit value of four 7-bit bytes, or -1 when a byte has its top bit set */
    private static int syncsafe(ByteBuffer buffer, int offset) {
        int value = 0;
        for (int i = offset; i < offset + 4; i++) {
            int b = buffer.get(i) & 0xFF;
            if (b >= 0x80) {
                return -1;
            }
            value = value << 7 | b;
        }
        return value;
    }

    private static boolean startsWith(ByteBuffer buffer, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (buffer.get(i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return up to {@code length} bytes at {@code position}, fewer at the end of the file */
    private static ByteBuffer readAt(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int n = file.read(buffer, position + buffer.position());
            if (n < 0) {
                break;
            }
        }
        return buffer.flip();
    }
}
