package org.tributary.api;

/**
 * The coded format of a track's samples, independent of how it travels.
 * Each value names the layout of {@link MediaSample#data()} and of {@link TrackInfo#codecConfig()}.
 */
public enum Codec {
    /** H.264/AVC. Samples are length-prefixed NAL units (4-byte lengths); config is an AVCDecoderConfigurationRecord (avcC). */
    H264,
    /** H.265/HEVC. Samples are length-prefixed NAL units (4-byte lengths); config is an HEVCDecoderConfigurationRecord (hvcC). */
    H265,
    /** AAC. Samples are raw access units without ADTS headers; config is the AudioSpecificConfig. */
    AAC,
    /** MPEG-1/2 audio layer III. Samples are whole MP3 frames; config is empty. */
    MP3,
    /** Opus. Samples are Opus packets; config is the OpusSpecificBox (dOps) body. */
    OPUS,
    /**
     * H.263 (baseline and H.263+). Samples are whole pictures, each starting with its picture start code;
     * config is the 3GPP H263SpecificBox (d263) body (vendor, decoder version, level, profile), or empty.
     * @since 1.3
     */
    H263,
    /**
     * AMR narrowband speech. Samples are one or more AMR frames in the storage format of RFC 4867 section 5
     * (a header byte with the frame type, then the speech bits); config is empty.
     * @since 1.3
     */
    AMR_NB
}
