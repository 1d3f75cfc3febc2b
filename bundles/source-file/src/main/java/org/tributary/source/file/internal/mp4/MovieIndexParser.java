package org.tributary.source.file.internal.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;

/**
 * Indexes an ISO-BMFF / QuickTime movie (MP4, MOV, M4V, M4A, 3GP): loads its {@code moov} box and
 * builds the sample tables of its video and sound tracks. Media data is not read.
 */
public final class MovieIndexParser {

    private MovieIndexParser() {
    }

    /**
     * @param file    the file, kept in the index so readers can reopen it
     * @param channel the open file to read from
     * @param name    the file name used in error messages
     * @return the index
     * @throws MediaException UNSUPPORTED when it is not a movie or has no playable track, CORRUPT
     *                        when its structure is damaged or cannot be read
     */
    public static MovieIndex parse(Path file, FileChannel channel, String name) throws MediaException {
        try {
            long fileSize = channel.size();
            ByteBuffer moov = MoovLocator.readMoov(channel, fileSize, name);
            List<Box> children = Box.parse(moov, "moov");
            long movieTimescale = movieTimescale(children);
            List<MovieTrack> tracks = new ArrayList<>();
            boolean fragmented = false;
            int trakNumber = 0;
            for (Box box : children) {
                if (box.type().equals("cmov")) {
                    throw new MediaException(Reason.UNSUPPORTED, name + " has a compressed movie header");
                }
                fragmented |= box.type().equals("mvex");
                if (box.type().equals("trak")) {
                    MovieTrack track = parseTrack(box, fileSize, tracks.size() + 1, ++trakNumber,
                            movieTimescale);
                    if (track != null) {
                        tracks.add(Mp3HeaderProbe.refine(track, channel));
                    }
                }
            }
            if (tracks.isEmpty()) {
                throw new MediaException(Reason.UNSUPPORTED, name + (fragmented
                        ? " is a fragmented MP4, which is not supported"
                        : " has no playable track (H.264, H.265, H.263, AAC, MP3, Opus or AMR-NB)"));
            }
            return new MovieIndex(file, fileSize, tracks);
        } catch (Mp4FormatException e) {
            throw new MediaException(Reason.CORRUPT, name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MediaException(Reason.CORRUPT, name + " cannot be read: " + e, e);
        } catch (RuntimeException e) {
            // Last line of defence: a malformed file must surface as CORRUPT, never as a crash.
            throw new MediaException(Reason.CORRUPT, name + " is malformed: " + e, e);
        }
    }

    /** @return the {@code mvhd} timescale, or 0 when the movie has no header (only edit lists need it) */
    private static long movieTimescale(List<Box> moovChildren) throws Mp4FormatException {
        for (Box box : moovChildren) {
            if (box.type().equals("mvhd")) {
                return TimeHeader.parse(box).timescale();
            }
        }
        return 0;
    }

    private static MovieTrack parseTrack(Box trak, long fileSize, int id, int trakNumber, long movieTimescale)
            throws Mp4FormatException {
        try {
            return TrackParser.parse(trak, fileSize, id, movieTimescale);
        } catch (Mp4FormatException e) {
            throw new Mp4FormatException("'trak' number " + trakNumber + ": " + e.getMessage());
        }
    }
}
