package org.tributary.rtp;

import java.util.List;
import java.util.Locale;

import org.tributary.api.MediaKind;
import org.tributary.api.TrackInfo;

/**
 * Writes the SDP session description (RFC 4566, as RTSP uses it per RFC 2326 appendix C) that
 * answers a DESCRIBE: session lines, then one media section per track with its RTP payload
 * format and its control URL {@code trackID=N}. Lines end with CRLF.
 */
public final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    /**
     * @param origin   the {@code o=} values
     * @param name     the session name, such as the file name; control characters are replaced
     *                 by spaces, an empty name becomes a single space as RFC 4566 asks
     * @param duration the length in seconds, or {@link Double#NaN} (or infinity) for a live session
     * @param tracks   the tracks in announcement order
     * @return the session description
     * @throws IllegalArgumentException when the duration is negative
     */
    public static String write(SdpOrigin origin, String name, double duration, List<RtpTrack> tracks) {
        StringBuilder sdp = new StringBuilder(256 + 256 * tracks.size());
        sessionPart(sdp, origin, name, duration);
        for (RtpTrack track : tracks) {
            writeMedia(sdp, track);
        }
        return sdp.toString();
    }

    /**
     * Writes a live session whose media part comes from elsewhere (a broadcast's announced SDP).
     *
     * @param mediaDescription the {@code m=} sections, each line ending in CRLF
     */
    public static String write(SdpOrigin origin, String name, String mediaDescription) {
        StringBuilder sdp = new StringBuilder(256 + mediaDescription.length());
        sessionPart(sdp, origin, name, Double.NaN);
        return sdp.append(mediaDescription).toString();
    }

    private static void sessionPart(StringBuilder sdp, SdpOrigin origin, String name, double duration) {
        if (duration < 0) {
            throw new IllegalArgumentException("presentation duration " + duration + " is negative");
        }
        line(sdp, "v=0");
        line(sdp, "o=- " + origin.sessionId() + " " + origin.version() + " IN " + origin.addressType() + " "
                + origin.serverAddress());
        line(sdp, "s=" + sessionName(name));
        line(sdp, "c=IN IP4 0.0.0.0");
        line(sdp, "t=0 0");
        line(sdp, "a=tool:Tributary");
        line(sdp, "a=control:*");
        line(sdp, Double.isFinite(duration)
                ? String.format(Locale.ROOT, "a=range:npt=0-%.3f", duration)
                : "a=range:npt=now-");
    }

    private static void writeMedia(StringBuilder sdp, RtpTrack rtpTrack) {
        TrackInfo track = rtpTrack.track();
        PayloadFormat format = rtpTrack.format();
        int pt = format.payloadType();
        boolean video = track.kind() == MediaKind.VIDEO;
        line(sdp, "m=" + (video ? "video" : "audio") + " 0 RTP/AVP " + pt);
        if (track.bitrate() > 0) {
            line(sdp, "b=AS:" + (track.bitrate() + 999) / 1000);
        }
        line(sdp, "a=rtpmap:" + pt + " " + format.rtpmap());
        if (format.fmtp() != null) {
            line(sdp, "a=fmtp:" + pt + " " + format.fmtp());
        }
        line(sdp, "a=control:" + rtpTrack.control());
        if (video && track.width() > 0 && track.height() > 0) {
            line(sdp, "a=framesize:" + pt + " " + track.width() + "-" + track.height());
            line(sdp, "a=x-dimensions:" + track.width() + "," + track.height());
        }
    }

    private static String sessionName(String name) {
        String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.isEmpty() ? " " : clean;
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append(CRLF);
    }
}
