package org.tributary.api;

import java.time.Instant;
import java.util.List;

/**
 * A file of the media folder as management shows it.
 *
 * @param path            its path below the folder, with '/' separators, as it appears in an RTSP URL
 * @param size            its size in bytes
 * @param modified        when it last changed
 * @param durationSeconds its duration, 0 when unknown
 * @param codecs          its tracks' encodings, such as {@code H264} and {@code MPEG4-GENERIC}
 * @param bitRate         its average bit rate in bits per second, 0 when unknown
 * @param problem         why it cannot be played, as one line, or empty when it can
 */
public record MediaItem(String path, long size, Instant modified, double durationSeconds, List<String> codecs,
                        long bitRate, String problem) {
    /** Copies the codecs. */
    public MediaItem {
        codecs = List.copyOf(codecs);
    }
}
