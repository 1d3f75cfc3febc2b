package org.tributary.source.file.internal.mp4;

import org.tributary.api.Codec;
import org.tributary.api.MediaKind;

/**
 * What a track's sample description says about its samples.
 *
 * @param kind          video or audio
 * @param codec         coded format
 * @param config        decoder configuration as {@link Codec} defines it (NAL length size already set to 4)
 * @param width         picture width, 0 for audio
 * @param height        picture height, 0 for audio
 * @param sampleRate    audio sampling rate in Hz, 0 for video or when unknown
 * @param channels      audio channels, 0 for video or when unknown
 * @param nalLengthSize bytes of each NAL length prefix in the file (1..4), 0 for audio
 */
record SampleFormat(MediaKind kind, Codec codec, byte[] config, int width, int height, int sampleRate,
                    int channels, int nalLengthSize) {
}
