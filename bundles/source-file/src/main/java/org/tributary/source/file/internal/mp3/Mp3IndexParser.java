package org.tributary.source.file.internal.mp3;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.Codec;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaKind;
import org.tributary.api.TrackInfo;
import org.tributary.rtp.mpa.Mp3FrameHeader;
import org.tributary.source.file.internal.mp4.FrameTableBuilder;
import org.tributary.source.file.internal.mp4.MovieIndex;

/**
 * Indexes a plain MP3 file (MPEG-1/2/2.5 layer III frames) in one sequential pass of positional
 * reads: skips the ID3v2 tags at the start and an ID3v1 tag at the end, leaves out a Xing/Info/VBRI
 * frame (it holds no audio), and records each frame's offset and size. The first frame is accepted
 * only when the next one follows it; after that, bytes that are not a frame of the same stream are
 * skipped, up to {@link #MAX_GARBAGE} in a row. A last frame cut short by the end of the file is
 * left out. Times are counted in samples at the stream's rate.
 */
public final class Mp3IndexParser {

    /** Bytes without a frame sync tolerated in a row before the file is refused. */
    public static final int MAX_GARBAGE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Mp3IndexParser.class);
    private static final int ID3V2_HEADER = 10;
    private static final int ID3V2_FOOTER_FLAG = 0x10;
    private static final int ID3V1_SIZE = 128;
    private static final int TAG_PEEK = 40;

    private final FileWindow window;
    private final String name;
    private final long end;

    private Mp3IndexParser(FileWindow window, String name, long end) {
        this.window = window;
        this.name = name;
        this.end = end;
    }

    /**
     * @param file    the file, kept in the index so readers can reopen it
     * @param channel the open file
     * @param name    the file name used in error messages
     * @return an index of one MP3 audio track
     * @throws MediaException CORRUPT naming the file when a tag runs past its end, no frame is found,
     *                        or too many bytes in a row are not MP3 frames
     */
    public static MovieIndex parse(Path file, FileChannel channel, String name) throws MediaException {
        try {
            long size = channel.size();
            long end = size - (hasId3v1(channel, size) ? ID3V1_SIZE : 0);
            Mp3IndexParser parser = new Mp3IndexParser(new FileWindow(channel, end), name, end);
            return parser.scan(file, size);
        } catch (IOException e) {
            throw new MediaException(Reason.CORRUPT, name + " cannot be read: " + e, e);
        }
    }

    private static boolean hasId3v1(FileChannel channel, long size) throws IOException {
        FileWindow tail = new FileWindow(channel, size);
        long at = size - ID3V1_SIZE;
        return tail.load(at, 3) && tail.u8(at) == 'T' && tail.u8(at + 1) == 'A' && tail.u8(at + 2) == 'G';
    }

    private MovieIndex scan(Path file, long fileSize) throws IOException, MediaException {
        FrameTableBuilder frames = new FrameTableBuilder();
        Mp3FrameHeader stream = null;
        long position = skipId3v2Tags();
        long gapStart = position;
        while (window.load(position, Mp3FrameHeader.SIZE)) {
            Mp3FrameHeader header = Mp3FrameHeader.parse(window.i32(position));
            if (header != null && (stream == null ? startsStream(position, header) : header.sameStreamAs(stream))) {
                if (position + header.frameSize() > end) {
                    LOG.debug("{}: the last frame at offset {} is cut short by the end of the file", name, position);
                    break;
                }
                if (stream != null || !isInfoFrame(position, header)) {
                    frames.add(position, header.frameSize());
                }
                stream = stream == null ? header : stream;
                position += header.frameSize();
                gapStart = position;
                continue;
            }
            position++;
            if (position - gapStart > MAX_GARBAGE) {
                throw corrupt((stream == null ? "no MP3 frame found in " : "no MP3 frame sync in ")
                        + MAX_GARBAGE + " bytes from offset " + gapStart);
            }
        }
        if (stream == null || frames.frames() == 0) {
            throw corrupt("holds no complete MP3 layer III frame");
        }
        double seconds = (double) frames.frames() * stream.samplesPerFrame() / stream.sampleRate();
        TrackInfo info = new TrackInfo(1, MediaKind.AUDIO, Codec.MP3, stream.sampleRate(), stream.sampleRate(),
                stream.channels(), 0, 0, Math.round(frames.bytes() * 8 / seconds), new byte[0]);
        return frames.build(file, fileSize, info, stream.samplesPerFrame());
    }

    /** @return the offset after the ID3v2 tags at the start of the file (ID3v2.4 4: syncsafe sizes) */
    private long skipId3v2Tags() throws IOException, MediaException {
        long position = 0;
        while (window.load(position, ID3V2_HEADER) && window.u8(position) == 'I' && window.u8(position + 1) == 'D'
                && window.u8(position + 2) == '3') {
            long size = 0;
            for (int i = 6; i < ID3V2_HEADER; i++) {
                int part = window.u8(position + i);
                if (part >= 0x80) {
                    throw corrupt("ID3v2 tag at offset " + position + " has a size byte 0x"
                            + Integer.toHexString(part) + " that is not syncsafe");
                }
                size = (size << 7) | part;
            }
            long tagSize = ID3V2_HEADER + size + ((window.u8(position + 5) & ID3V2_FOOTER_FLAG) != 0 ? ID3V2_HEADER : 0);
            if (position + tagSize > end) {
                throw corrupt("ID3v2 tag of " + tagSize + " bytes at offset " + position
                        + " runs past the end of the audio at " + end);
            }
            position += tagSize;
        }
        return position;
    }

    /** A first frame is believed only when another frame of the same stream, or the end, follows it. */
    private boolean startsStream(long position, Mp3FrameHeader header) throws IOException {
        long next = position + header.frameSize();
        if (next == end) {
            return true;
        }
        if (!window.load(next, Mp3FrameHeader.SIZE)) {
            // a frame cut by the end: accepted here, left out by the caller
            return next > end;
        }
        Mp3FrameHeader following = Mp3FrameHeader.parse(window.i32(next));
        return following != null && following.sameStreamAs(header);
    }

    /** @return true when the frame holds a Xing, Info (LAME) or VBRI tag instead of audio */
    private boolean isInfoFrame(long position, Mp3FrameHeader header) throws IOException {
        return hasTag(position + header.sideInfoEnd(), "Xing") || hasTag(position + header.sideInfoEnd(), "Info")
                || hasTag(position + Mp3FrameHeader.SIZE + 32, "VBRI");
    }

    private boolean hasTag(long at, String tag) throws IOException {
        if (!window.load(at, TAG_PEEK)) {
            return false;
        }
        byte[] expected = tag.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < expected.length; i++) {
            if (window.u8(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private MediaException corrupt(String cause) {
        return new MediaException(Reason.CORRUPT, name + ": " + cause);
    }
}
