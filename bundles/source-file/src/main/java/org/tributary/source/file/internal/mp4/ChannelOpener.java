package org.tributary.source.file.internal.mp4;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens the channel a reader reads a movie through; tests substitute one that counts bytes. */
@FunctionalInterface
public interface ChannelOpener {

    /** Opens files read-only. */
    ChannelOpener READ_ONLY = file -> FileChannel.open(file, StandardOpenOption.READ);

    /**
     * @param file the movie file
     * @return a channel the caller closes
     * @throws IOException when the file cannot be opened
     */
    FileChannel open(Path file) throws IOException;
}
