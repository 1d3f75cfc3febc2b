package org.tributary.rtp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.tributary.api.TrackInfo;
import org.tributary.rtp.internal.AvcDecoderConfig;

/** Chooses the RTP payload format of a track from its codec and decoder configuration. */
public final class PayloadFormats {

    /** The first dynamic RTP payload type (RFC 3551); tracks get 96, 97, … in order. */
    public static final int FIRST_DYNAMIC_PAYLOAD_TYPE = 96;

    private static final int LAST_DYNAMIC_PAYLOAD_TYPE = 127;
    private static final int VIDEO_CLOCK_RATE = 90_000;
    // shortest AudioSpecificConfig: object type, frequency index, channel configuration
    private static final int MIN_AUDIO_SPECIFIC_CONFIG = 2;

    private PayloadFormats() {
    }

    /**
     * Assigns dynamic payload types 96, 97, … to the tracks in order.
     *
     * @param tracks the tracks of a presentation, at most 32
     * @return each track with its payload format, in the same order
     * @throws IllegalArgumentException as {@link #forTrack(TrackInfo, int)}, or when there are more tracks than dynamic types
     */
    public static List<RtpTrack> forTracks(List<TrackInfo> tracks) {
        int available = LAST_DYNAMIC_PAYLOAD_TYPE - FIRST_DYNAMIC_PAYLOAD_TYPE + 1;
        if (tracks.size() > available) {
            throw new IllegalArgumentException(tracks.size() + " tracks exceed the " + available
                    + " dynamic RTP payload types");
        }
        List<RtpTrack> result = new ArrayList<>(tracks.size());
        for (TrackInfo track : tracks) {
            result.add(new RtpTrack(track, forTrack(track, FIRST_DYNAMIC_PAYLOAD_TYPE + result.size())));
        }
        return List.copyOf(result);
    }

    /**
     * The payload format of a track, with packets of at most {@link RtpPacketizer#DEFAULT_MAX_PAYLOAD} bytes.
     *
     * @param track       the track
     * @param payloadType the RTP payload type to announce it with
     * @return its payload format
     * @throws IllegalArgumentException when the codec has no RTP packetizer yet, or its
     *                                  configuration is malformed (the message names the cause)
     */
    public static PayloadFormat forTrack(TrackInfo track, int payloadType) {
        return forTrack(track, payloadType, RtpPacketizer.DEFAULT_MAX_PAYLOAD);
    }

    /**
     * The payload format of a track.
     *
     * @param track          the track
     * @param payloadType    the RTP payload type to announce it with
     * @param maxPayloadSize largest RTP payload per packet
     * @return its payload format
     * @throws IllegalArgumentException when the codec has no RTP packetizer yet, or its
     *                                  configuration is malformed (the message names the cause)
     */
    public static PayloadFormat forTrack(TrackInfo track, int payloadType, int maxPayloadSize) {
        return switch (track.codec()) {
            case H264 -> h264(track, payloadType, maxPayloadSize);
            case AAC -> aac(track, payloadType, maxPayloadSize);
            case H265 -> throw unsupported(track, "RFC 7798");
            case MP3 -> throw unsupported(track, "RFC 2250");
            case OPUS -> throw unsupported(track, "RFC 7587");
        };
    }

    private static PayloadFormat h264(TrackInfo track, int payloadType, int maxPayloadSize) {
        AvcDecoderConfig config = AvcDecoderConfig.parse(track.codecConfig());
        StringBuilder sprop = new StringBuilder();
        for (byte[] parameterSet : config.parameterSets()) {
            sprop.append(sprop.length() == 0 ? "" : ",").append(Base64.getEncoder().encodeToString(parameterSet));
        }
        String fmtp = "packetization-mode=1;profile-level-id=" + config.profileLevelId()
                + ";sprop-parameter-sets=" + sprop;
        return new PayloadFormat(payloadType, "H264", VIDEO_CLOCK_RATE, 0, fmtp,
                new H264Packetizer(maxPayloadSize, config.parameterSets()));
    }

    private static PayloadFormat aac(TrackInfo track, int payloadType, int maxPayloadSize) {
        byte[] config = track.codecConfig();
        if (config.length < MIN_AUDIO_SPECIFIC_CONFIG) {
            throw new IllegalArgumentException("AAC track " + track.id() + ": AudioSpecificConfig of "
                    + config.length + " bytes is shorter than " + MIN_AUDIO_SPECIFIC_CONFIG);
        }
        if (track.sampleRate() <= 0) {
            throw new IllegalArgumentException("AAC track " + track.id() + ": sample rate "
                    + track.sampleRate() + " is not positive");
        }
        String fmtp = "streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3"
                + ";config=" + HexFormat.of().withUpperCase().formatHex(config);
        return new PayloadFormat(payloadType, "MPEG4-GENERIC", track.sampleRate(), Math.max(0, track.channels()),
                fmtp, new AacPacketizer(maxPayloadSize));
    }

    private static IllegalArgumentException unsupported(TrackInfo track, String rfc) {
        return new IllegalArgumentException("unsupported codec " + track.codec() + " on track " + track.id()
                + ": no RTP packetizer yet (" + rfc + ")");
    }
}
