package org.tributary.api.station;

import java.time.Instant;

/**
 * A snapshot of one station on air.
 *
 * @param mount         the station's path, such as {@code /radio}
 * @param sourceAddress the feeding client's address as {@code host:port}
 * @param format        the audio format, such as {@code "MPEG-1 Layer III 44100 Hz stereo"}
 * @param bitrate       the bit rate of the latest frame, in bits per second (0 before the first frame)
 * @param listeners     how many listeners are connected
 * @param title         the current title, or the empty string
 * @param started       when the source started feeding
 */
public record StationInfo(String mount, String sourceAddress, String format, int bitrate, int listeners,
                          String title, Instant started) {
}
