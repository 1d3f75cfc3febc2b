package org.tributary.source.file.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.source.file.internal.mp3.Mp3IndexParser;
import org.tributary.source.file.internal.mp4.ChannelOpener;
import org.tributary.source.file.internal.mp4.MovieIndex;
import org.tributary.source.file.internal.mp4.MovieIndexParser;

/** Opens a file with the reader that plays it: the MP3 reader for MP3 files, the movie reader for the rest. */
final class MovieProbe {

    private MovieProbe() {
    }

    /**
     * @param opener opens the file
     * @param file   the file to index
     * @param path   its name in messages; untrusted
     * @param mp3    whether it is a plain MP3 file rather than a movie
     * @return its index
     * @throws MediaException CORRUPT or UNSUPPORTED naming the file when it cannot be played
     */
    static MovieIndex index(ChannelOpener opener, Path file, String path, boolean mp3) throws MediaException {
        String name = MediaFolder.printable(path);
        try (FileChannel channel = opener.open(file)) {
            return mp3 ? Mp3IndexParser.parse(file, channel, name) : MovieIndexParser.parse(file, channel, name);
        } catch (IOException e) {
            throw new MediaException(Reason.CORRUPT, name + " cannot be read: " + e, e);
        }
    }
}
