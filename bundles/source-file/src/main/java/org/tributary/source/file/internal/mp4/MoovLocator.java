package org.tributary.source.file.internal.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Set;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * Walks the top-level boxes of a movie file through positional reads (a header at a time) and
 * loads only the {@code moov} box, wherever it is. The media data is never read here.
 */
final class MoovLocator {

    /** The largest movie header loaded into memory. */
    static final int MAX_MOOV_BYTES = 64 << 20;

    /** Files with more top-level boxes are refused rather than walked one read per box. */
    static final int MAX_TOP_LEVEL_BOXES = 100_000;

    /** Types a movie file may start with; anything else is not an ISO-BMFF or QuickTime file. */
    private static final Set<String> LEADING_TYPES =
            Set.of("ftyp", "styp", "moov", "mdat", "free", "skip", "wide", "pnot", "uuid", "pdin", "meta");

    private MoovLocator() {
    }

    /**
     * @param channel  the open file
     * @param fileSize its size in bytes
     * @param name     the file name for messages
     * @return the moov payload (the bytes after its header)
     * @throws MediaException UNSUPPORTED when it is not a (non-fragmented) movie or the moov is too
     *                        large, CORRUPT when boxes overrun the file or the moov is missing
     */
    static ByteBuffer readMoov(FileChannel channel, long fileSize, String name) throws MediaException, IOException {
        long position = 0;
        boolean fragmented = false;
        for (int index = 0; fileSize - position >= 8; index++) {
            if (index == MAX_TOP_LEVEL_BOXES) {
                throw new MediaException(Reason.CORRUPT, name + " has more than " + MAX_TOP_LEVEL_BOXES
                        + " top-level boxes");
            }
            ByteBuffer header = ByteBuffer.allocate((int) Math.min(16, fileSize - position));
            if (!PositionalReads.readFully(channel, header, position)) {
                throw new MediaException(Reason.CORRUPT, name + " ended while reading a box header at " + position);
            }
            header.flip();
            long size = header.getInt() & 0xFFFF_FFFFL;
            String type = Box.fourCc(header.getInt());
            if (index == 0 && !LEADING_TYPES.contains(type)) {
                throw new MediaException(Reason.UNSUPPORTED, name + " is not an MP4/QuickTime movie (it does not"
                        + " start with an ftyp, moov or mdat box)");
            }
            int headerSize = 8;
            if (size == 1) {
                if (header.remaining() < 8) {
                    throw new MediaException(Reason.CORRUPT, name + ": box '" + type + "' at " + position
                            + " is cut inside its 64-bit size");
                }
                size = header.getLong();
                headerSize = 16;
            } else if (size == 0) {
                size = fileSize - position;
            }
            if (size < headerSize || size > fileSize - position) {
                throw new MediaException(Reason.CORRUPT, name + ": box '" + type + "' at " + position + " declares "
                        + size + " bytes but the file has " + (fileSize - position) + " left (truncated file?)");
            }
            if (type.equals("moov")) {
                return load(channel, position + headerSize, size - headerSize, name);
            }
            fragmented |= type.equals("moof");
            position += size;
        }
        if (fragmented) {
            throw new MediaException(Reason.UNSUPPORTED, name + " is a fragmented MP4 without a movie header");
        }
        throw new MediaException(Reason.CORRUPT, name + " has no 'moov' box (movie header)");
    }

    private static ByteBuffer load(FileChannel channel, long position, long size, String name)
            throws MediaException, IOException {
        if (size > MAX_MOOV_BYTES) {
            throw new MediaException(Reason.UNSUPPORTED, name + ": movie header of " + size
                    + " bytes is above the limit of " + MAX_MOOV_BYTES);
        }
        ByteBuffer moov = ByteBuffer.allocate((int) size);
        if (!PositionalReads.readFully(channel, moov, position)) {
            throw new MediaException(Reason.CORRUPT, name + " ended inside its 'moov' box");
        }
        return moov.flip();
    }
}
