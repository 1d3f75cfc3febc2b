package org.tributary.api;

import java.util.Objects;

/**
 * One elementary stream of a presentation, as a source describes it.
 *
 * @param id          track number, unique within the presentation, starting at 1
 * @param kind        video or audio
 * @param codec       coded format of the samples
 * @param timescale   units per second of the sample timestamps
 * @param sampleRate  audio sampling rate in Hz (0 for video)
 * @param channels    audio channel count (0 for video)
 * @param width       picture width in pixels (0 for audio)
 * @param height      picture height in pixels (0 for audio)
 * @param bitrate     average bit rate in bits per second, 0 when unknown
 * @param codecConfig decoder configuration as defined per {@link Codec}; never null
 */
public record TrackInfo(int id, MediaKind kind, Codec codec, int timescale, int sampleRate, int channels,
                        int width, int height, long bitrate, byte[] codecConfig) {

    /** Validates the fields that every consumer relies on. */
    public TrackInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(codecConfig, "codecConfig");
        if (id <= 0 || timescale <= 0) {
            throw new IllegalArgumentException("track id and timescale must be positive");
        }
    }
}
