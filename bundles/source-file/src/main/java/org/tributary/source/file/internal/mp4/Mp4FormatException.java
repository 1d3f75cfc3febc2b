package org.tributary.source.file.internal.mp4;

/**
 * A structural error inside a movie file: a box, table or descriptor that does not fit where it is.
 * The message says what is wrong; the caller adds the file name when it turns this into a
 * {@link org.tributary.api.MediaException}.
 */
public final class Mp4FormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param detail what is wrong, naming the box or table */
    public Mp4FormatException(String detail) {
        super(detail);
    }
}
