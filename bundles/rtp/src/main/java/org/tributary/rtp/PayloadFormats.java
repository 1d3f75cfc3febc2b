package org.tributary.rtp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.tributary.api.TrackInfo;
import org.tributary.rtp.internal.AvcDecoderConfig;
import org.tributary.rtp.internal.HevcDecoderConfig;

/**
 * Chooses the RTP payload format of a track from its codec and decoder configuration: H.264 per
 * RFC 6184, H.265 per RFC 7798, AAC per RFC 3640, MP3 per RFC 2250 (static payload type 14),
 * Opus per RFC 7587, H.263 per RFC 4629 and AMR-NB per RFC 4867 (octet-aligned).
 */
public final class PayloadFormats {

    /** The first dynamic RTP payload type (RFC 3551); tracks get 96, 97, … in order. */
    public static final int FIRST_DYNAMIC_PAYLOAD_TYPE = 96;

    private static final int LAST_DYNAMIC_PAYLOAD_TYPE = 127;
    private static final int VIDEO_CLOCK_RATE = 90_000;
    // RFC 2250 and RFC 3551: MPEG audio always runs on a 90 kHz clock
    private static final int MPA_CLOCK_RATE = 90_000;
    // RFC 7587: the clock is 48 kHz and the rtpmap says 2 channels whatever the stream has
    private static final int OPUS_CLOCK_RATE = 48_000;
    private static final int OPUS_RTPMAP_CHANNELS = 2;
    private static final int AMR_NB_CLOCK_RATE = 8000;
    // d263: vendor (4 bytes), decoder version, level, profile
    private static final int D263_SIZE = 7;
    // shortest AudioSpecificConfig: object type, frequency index, channel configuration
    private static final int MIN_AUDIO_SPECIFIC_CONFIG = 2;

    private PayloadFormats() {
    }

    /**
     * Assigns dynamic payload types 96, 97, … to the tracks in order (an MP3 track takes the static type 14
     * instead, and its dynamic type stays unused).
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
            case H265 -> h265(track, payloadType, maxPayloadSize);
            case MP3 -> new PayloadFormat(MpaPacketizer.PAYLOAD_TYPE, "MPA", MPA_CLOCK_RATE, 0, null,
                    new MpaPacketizer(maxPayloadSize));
            case OPUS -> opus(track, payloadType, maxPayloadSize);
            case H263 -> new PayloadFormat(payloadType, "H263-1998", VIDEO_CLOCK_RATE, 0, h263Parameters(track),
                    new H263Packetizer(maxPayloadSize));
            case AMR_NB -> new PayloadFormat(payloadType, "AMR", AMR_NB_CLOCK_RATE, 1, "octet-align=1",
                    new AmrPacketizer(maxPayloadSize));
        };
    }

    private static PayloadFormat h265(TrackInfo track, int payloadType, int maxPayloadSize) {
        HevcDecoderConfig config = HevcDecoderConfig.parse(track.codecConfig());
        StringBuilder fmtp = new StringBuilder();
        if (config.profileSpace() != 0) {
            fmtp.append("profile-space=").append(config.profileSpace()).append(';');
        }
        fmtp.append("profile-id=").append(config.profileId())
                .append(";tier-flag=").append(config.tierFlag())
                .append(";level-id=").append(config.levelId())
                .append(";sprop-vps=").append(base64List(config.vps()))
                .append(";sprop-sps=").append(base64List(config.sps()))
                .append(";sprop-pps=").append(base64List(config.pps()));
        return new PayloadFormat(payloadType, "H265", VIDEO_CLOCK_RATE, 0, fmtp.toString(),
                new H265Packetizer(maxPayloadSize, config.parameterSets()));
    }

    private static PayloadFormat opus(TrackInfo track, int payloadType, int maxPayloadSize) {
        if (track.channels() > 2) {
            throw new IllegalArgumentException("Opus track " + track.id() + ": " + track.channels()
                    + " channels need multistream Opus, which RFC 7587 does not carry");
        }
        String fmtp = track.channels() == 2 ? "sprop-stereo=1" : "sprop-stereo=0";
        return new PayloadFormat(payloadType, "opus", OPUS_CLOCK_RATE, OPUS_RTPMAP_CHANNELS, fmtp,
                new OpusPacketizer(maxPayloadSize));
    }

    /** @return profile and level from the track's d263 box (RFC 4629 8.1.1), or null when it has none */
    private static String h263Parameters(TrackInfo track) {
        byte[] d263 = track.codecConfig();
        if (d263.length < D263_SIZE) {
            return null;
        }
        return "profile=" + (d263[6] & 0xFF) + ";level=" + (d263[5] & 0xFF);
    }

    /** @return the units in base64, separated by commas, as sprop parameters list them */
    private static String base64List(List<byte[]> units) {
        StringBuilder list = new StringBuilder();
        for (byte[] unit : units) {
            list.append(list.length() == 0 ? "" : ",").append(Base64.getEncoder().encodeToString(unit));
        }
        return list.toString();
    }

    private static PayloadFormat h264(TrackInfo track, int payloadType, int maxPayloadSize) {
        AvcDecoderConfig config = AvcDecoderConfig.parse(track.codecConfig());
        String fmtp = "packetization-mode=1;profile-level-id=" + config.profileLevelId()
                + ";sprop-parameter-sets=" + base64List(config.parameterSets());
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
}
