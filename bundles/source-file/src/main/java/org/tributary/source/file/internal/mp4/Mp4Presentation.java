package org.tributary.source.file.internal.mp4;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.util.List;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaReader;
import org.tributary.api.TrackInfo;

/** A movie file opened at a path: its shared index, and a fresh file channel per reader. */
public final class Mp4Presentation implements MediaPresentation {

    private final String path;
    private final MovieIndex index;
    private final ChannelOpener opener;

    /**
     * @param path   the path it was opened with, used in messages
     * @param index  the movie's index
     * @param opener how readers open the file
     */
    public Mp4Presentation(String path, MovieIndex index, ChannelOpener opener) {
        this.path = path;
        this.index = index;
        this.opener = opener;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public List<TrackInfo> tracks() {
        return index.trackInfos();
    }

    @Override
    public double duration() {
        return index.duration();
    }

    /** @return the index this presentation plays */
    public MovieIndex index() {
        return index;
    }

    /**
     * @throws MediaException NOT_FOUND when the file was removed, CORRUPT when it cannot be opened or
     *                        changed size since it was indexed
     */
    @Override
    public MediaReader openReader() throws MediaException {
        FileChannel channel;
        try {
            channel = opener.open(index.file());
        } catch (NoSuchFileException e) {
            throw new MediaException(Reason.NOT_FOUND, path + " was removed", e);
        } catch (IOException e) {
            throw new MediaException(Reason.CORRUPT, path + " cannot be opened: " + e, e);
        }
        try {
            if (channel.size() != index.fileSize()) {
                throw new MediaException(Reason.CORRUPT, path + " changed on disk since it was indexed");
            }
            return new Mp4Reader(index, channel, path);
        } catch (IOException | MediaException e) {
            closeQuietly(channel);
            if (e instanceof MediaException media) {
                throw media;
            }
            throw new MediaException(Reason.CORRUPT, path + " cannot be read: " + e, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already failing with a clearer error
        }
    }
}
