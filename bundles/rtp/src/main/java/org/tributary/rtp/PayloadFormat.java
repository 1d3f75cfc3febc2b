package org.tributary.rtp;

import java.util.Objects;

/**
 * How one track is carried over RTP: what SDP announces for it and the packetizer that produces it.
 *
 * @param payloadType  RTP payload type, 0..127 (dynamic types are 96..127)
 * @param encodingName encoding name of the {@code a=rtpmap} line, such as {@code "H264"}
 * @param clockRate    RTP timestamp units per second
 * @param channels     audio channel count for {@code a=rtpmap}, or 0 to leave it out
 * @param fmtp         format parameters of the {@code a=fmtp} line, or null when there are none
 * @param packetizer   cuts the track's samples into payloads; thread-safe
 */
public record PayloadFormat(int payloadType, String encodingName, int clockRate, int channels, String fmtp,
                            RtpPacketizer packetizer) {

    /** Validates the fields that SDP and the RTP header rely on. */
    public PayloadFormat {
        Objects.requireNonNull(encodingName, "encodingName");
        Objects.requireNonNull(packetizer, "packetizer");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type " + payloadType + " is outside 0..127");
        }
        if (clockRate <= 0 || channels < 0) {
            throw new IllegalArgumentException("clock rate " + clockRate + " and channels " + channels
                    + " of " + encodingName + ": clock rate must be positive, channels not negative");
        }
    }

    /** @return the value of {@code a=rtpmap} after the payload type, such as {@code "MPEG4-GENERIC/48000/2"} */
    public String rtpmap() {
        String map = encodingName + "/" + clockRate;
        return channels > 0 ? map + "/" + channels : map;
    }
}
