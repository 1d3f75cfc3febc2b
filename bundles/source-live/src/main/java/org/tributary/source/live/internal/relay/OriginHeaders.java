package org.tributary.source.live.internal.relay;

import org.tributary.rtp.rtsp.PortPair;
import org.tributary.rtp.rtsp.RtspHeaderException;
import org.tributary.rtp.rtsp.RtspUri;
import org.tributary.rtp.rtsp.SessionHeader;
import org.tributary.rtp.rtsp.TransportHeader;
import org.tributary.rtp.rtsp.TransportSpec;

/**
 * Reads the headers of an origin's answers with the parsers the server uses for its own clients
 * ({@code org.tributary.rtp.rtsp}). The origin is untrusted: anything malformed is an
 * {@link OriginException} that names the header and the cause.
 */
final class OriginHeaders {

    private static final int MAX_QUOTED = 80;

    private OriginHeaders() {
    }

    /**
     * @param described the DESCRIBE answer
     * @param requested the URL the DESCRIBE was sent to
     * @return the base URL of the tracks: Content-Base, else Content-Location, else the requested URL
     */
    static String contentBase(OriginResponse described, String requested) throws OriginException {
        String base = described.header("content-base");
        String name = "Content-Base";
        if (base == null) {
            base = described.header("content-location");
            name = "Content-Location";
        }
        if (base == null) {
            return requested;
        }
        if (!isRequestUrl(base)) {
            throw new OriginException("origin sent a " + name + " that is not a usable rtsp:// URL: "
                    + abbreviate(base));
        }
        return base;
    }

    /** @return the URL of a track from the base URL and the track's a=control, relative or absolute */
    static String trackUrl(String base, String control) throws OriginException {
        String url;
        if (control.isEmpty() || control.equals("*")) {
            url = base;
        } else if (control.regionMatches(true, 0, "rtsp://", 0, 7)) {
            url = control;
        } else {
            url = base.endsWith("/") ? base + control : base + "/" + control;
        }
        if (!isRequestUrl(url)) {
            throw new OriginException("track control gives no usable rtsp:// URL: " + abbreviate(control));
        }
        return url;
    }

    /**
     * @return whether the relay can write the URL into a request line: {@code rtsp://}, printable
     *         ASCII without blanks, and a Request-URI the server itself would accept
     */
    static boolean isRequestUrl(String url) {
        if (!url.regionMatches(true, 0, "rtsp://", 0, 7) || url.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F)) {
            return false;
        }
        try {
            RtspUri.parse(url);
            return true;
        } catch (RtspHeaderException e) {
            return false;
        }
    }

    /** @return the Session header of a SETUP answer */
    static SessionHeader session(OriginResponse answer, String url) throws OriginException {
        String value = answer.header("session");
        if (value == null) {
            throw new OriginException("origin answered SETUP " + url + " without a Session header");
        }
        try {
            return SessionHeader.parse(value);
        } catch (RtspHeaderException e) {
            throw new OriginException("origin answered SETUP " + url + " with a malformed Session header: "
                    + e.getMessage());
        }
    }

    /**
     * @param fallback the timeout when the origin announces none, or one outside 2..3600 seconds
     * @return the session timeout in seconds
     */
    static int timeout(SessionHeader session, int fallback) {
        int seconds = session.timeout().orElse(fallback);
        return seconds < 2 || seconds > 3600 ? fallback : seconds;
    }

    /**
     * @param requested the channels the relay asked for, kept when the answer names none
     * @return the interleaved channels of a SETUP answer's Transport header, 0..255
     */
    static PortPair interleaved(OriginResponse answer, String url, PortPair requested) throws OriginException {
        String value = answer.header("transport");
        if (value == null) {
            return requested;
        }
        TransportSpec spec;
        try {
            spec = TransportHeader.parse(value).specs().get(0);
        } catch (RtspHeaderException e) {
            throw new OriginException("origin answered SETUP " + url + " with a malformed Transport header: "
                    + e.getMessage());
        }
        if (spec.interleaved() != null) {
            return spec.interleaved();
        }
        if (spec.lowerTransport() != TransportSpec.LowerTransport.TCP) {
            throw new OriginException("origin answered SETUP " + url + " with a Transport header that is not "
                    + "interleaved RTP/AVP/TCP: " + abbreviate(value));
        }
        return requested;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
    }
}
