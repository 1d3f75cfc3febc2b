package org.tributary.api;

import java.io.InputStream;
import java.util.List;

/**
 * The media folder for management: what is in it, and putting files in or taking them out. Every name
 * is untrusted and confined to the folder.
 */
public interface MediaLibrary {

    /** @return the folder's movies and MP3 files, by path */
    List<MediaItem> list();

    /** @return the largest file {@link #store} accepts, in bytes */
    long maxUploadBytes();

    /**
     * Stores a new file. The data is written to a temporary file first, checked to be a movie or MP3
     * file this server plays, and only then moved into place; nothing is left behind on failure.
     *
     * @param name the file's path below the folder; untrusted
     * @param data its content; read at most {@link #maxUploadBytes()} + 1 bytes
     * @return the stored file
     * @throws MediaException INVALID for a bad name or too much data, BUSY when the name exists,
     *                        UNSUPPORTED when it is not a playable type
     */
    MediaItem store(String name, InputStream data) throws MediaException;

    /**
     * @param name the file's path below the folder; untrusted
     * @throws MediaException NOT_FOUND when there is no such file, INVALID for a bad name
     */
    void delete(String name) throws MediaException;
}
