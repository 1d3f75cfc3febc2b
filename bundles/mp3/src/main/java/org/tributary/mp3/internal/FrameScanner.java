package org.tributary.mp3.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.tributary.rtp.mpa.Mp3FrameHeader;

/**
 * Splits a source's untrusted byte stream into whole MP3 frames. A frame is taken once its header parses
 * and, when the stream was not in sync, the next frame's header confirms it. ID3v2 and ID3v1 tags (sent by
 * sources that stream files one after another) and Xing/Info frames are dropped. Limits:
 * <table>
 * <caption>Limits</caption>
 * <tr><td>bytes without a frame</td><td>{@link #MAX_UNSYNCED}: then {@link #scan} reports the stream as not MP3</td></tr>
 * <tr><td>one ID3v2 tag</td><td>{@link #MAX_TAG} bytes, skipped without being buffered</td></tr>
 * <tr><td>memory</td><td>{@link #WINDOW} bytes, plus the frames of one {@link #scan} call</td></tr>
 * </table>
 * Not thread-safe: one source's thread uses it.
 */
final class FrameScanner {

    /** Bytes of the stream that may pass without a frame before it is refused. */
    static final int MAX_UNSYNCED = 16 * 1024;

    /** The largest ID3v2 tag skipped. */
    static final int MAX_TAG = 1024 * 1024;

    /** The window bytes wait in: room for the largest layer III frame (1441 bytes) and the next header. */
    static final int WINDOW = 4096;

    private static final int ID3V2_HEADER = 10;
    private static final int ID3V1_SIZE = 128;

    private final byte[] window = new byte[WINDOW];
    private int length;
    private long skip;
    private int unsynced;
    private Mp3FrameHeader last;
    private String problem;

    /** What one {@link #scan} call found: frames, back to back, and their duration. */
    static final class Frames {
        private byte[] bytes = new byte[2048];
        private int length;
        private int count;
        private long micros;
        private Mp3FrameHeader header;

        private void add(byte[] source, int offset, Mp3FrameHeader frame) {
            if (length + frame.frameSize() > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + frame.frameSize()));
            }
            System.arraycopy(source, offset, bytes, length, frame.frameSize());
            length += frame.frameSize();
            count++;
            micros += frame.samplesPerFrame() * 1_000_000L / frame.sampleRate();
            header = frame;
        }

        /** Forgets the frames, keeping the memory. */
        void clear() {
            length = 0;
            count = 0;
            micros = 0;
        }

        /** @return how many frames were found */
        int count() {
            return count;
        }

        /** @return their duration in microseconds */
        long micros() {
            return micros;
        }

        /** @return the header of the last frame, or null */
        Mp3FrameHeader header() {
            return header;
        }

        /**
         * @return a read-only buffer of exactly the frames' bytes, off the heap: the port writes it to every
         *         listener's socket as it is, where a heap buffer would be copied for each
         */
        ByteBuffer toBuffer() {
            return ByteBuffer.allocateDirect(length).put(bytes, 0, length).flip().asReadOnlyBuffer();
        }
    }

    /**
     * Reads bytes of the stream.
     *
     * @param in  the bytes; consumed
     * @param out where whole frames go
     * @return false once the stream is found not to be MP3 (see {@link #problem()}); nothing more is read then
     */
    boolean scan(ByteBuffer in, Frames out) {
        while (problem == null && in.hasRemaining()) {
            int n = Math.min(in.remaining(), WINDOW - length);
            in.get(window, length, n);
            length += n;
            int used = consume(out);
            System.arraycopy(window, used, window, 0, length - used);
            length -= used;
        }
        return problem == null;
    }

    /** @return why the stream was refused, or null */
    String problem() {
        return problem;
    }

    private int consume(Frames out) {
        int p = 0;
        while (problem == null) {
            if (skip > 0) {
                int n = (int) Math.min(skip, length - p);
                skip -= n;
                p += n;
                if (skip > 0) {
                    return p;
                }
            }
            if (length - p < ID3V2_HEADER) {
                return p;
            }
            int tag = tagSize(p);
            if (tag < 0) {
                return p;
            }
            if (tag > 0) {
                skip = tag;
                last = null;
                continue;
            }
            Mp3FrameHeader header = Mp3FrameHeader.parse(word(p));
            if (header != null && last == null) {
                int next = p + header.frameSize();
                if (next + Mp3FrameHeader.SIZE > length) {
                    return p;
                }
                Mp3FrameHeader following = Mp3FrameHeader.parse(word(next));
                header = following != null && following.sameStreamAs(header) ? header : null;
            }
            if (header == null) {
                last = null;
                p++;
                if (++unsynced > MAX_UNSYNCED) {
                    problem = "no MP3 frame in " + MAX_UNSYNCED + " bytes";
                }
                continue;
            }
            if (p + header.frameSize() > length) {
                return p;
            }
            if (!isInfoFrame(p, header)) {
                out.add(window, p, header);
            }
            unsynced = 0;
            last = header;
            p += header.frameSize();
        }
        return p;
    }

    /** @return the size of an ID3 tag starting at {@code p}, 0 when none does, or -1 after a problem */
    private int tagSize(int p) {
        if (startsWith(p, "TAG") && last != null) {
            return ID3V1_SIZE;
        }
        if (!startsWith(p, "ID3")) {
            return 0;
        }
        int size = 0;
        for (int i = 6; i < ID3V2_HEADER; i++) {
            int b = window[p + i] & 0xFF;
            if (b >= 0x80) {
                return 0;
            }
            size = size << 7 | b;
        }
        int footer = (window[p + 5] & 0x10) != 0 ? ID3V2_HEADER : 0;
        if (size > MAX_TAG) {
            problem = "an ID3 tag of " + size + " bytes";
            return -1;
        }
        return ID3V2_HEADER + size + footer;
    }

    private boolean isInfoFrame(int p, Mp3FrameHeader header) {
        int tag = p + header.sideInfoEnd();
        return startsWith(tag, "Xing") || startsWith(tag, "Info");
    }

    private boolean startsWith(int p, String ascii) {
        byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
        return p + text.length <= length && Arrays.equals(window, p, p + text.length, text, 0, text.length);
    }

    private int word(int p) {
        return (window[p] & 0xFF) << 24 | (window[p + 1] & 0xFF) << 16 | (window[p + 2] & 0xFF) << 8
                | window[p + 3] & 0xFF;
    }
}
