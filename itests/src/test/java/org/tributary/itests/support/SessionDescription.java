package org.tributary.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few SDP facts (RFC 8866) a test client needs to set up and check a presentation: one
 * {@link Track} per media section with its payload type, clock rate and control URL, and the
 * duration from {@code a=range:npt=}.
 *
 * @param url the aggregate control URL, for PLAY, PAUSE and TEARDOWN of the whole presentation
 * @param tracks the media sections in SDP order
 * @param durationSeconds the end of the session-level npt range, or NaN when open or absent
 */
public record SessionDescription(String url, List<Track> tracks, double durationSeconds) {

    /**
     * One media section.
     *
     * @param media {@code video}, {@code audio}, …
     * @param payloadType the first payload type of the {@code m=} line
     * @param encoding the encoding name from its {@code a=rtpmap}, e.g. {@code H264}
     * @param clockRate the RTP clock rate from its {@code a=rtpmap}
     * @param url the absolute control URL to SETUP
     */
    public record Track(String media, int payloadType, String encoding, int clockRate, String url) {
    }

    /**
     * Parses an SDP body.
     *
     * @param sdp the DESCRIBE body
     * @param baseUrl the Content-Base of the response (or the request URL) that relative
     *        {@code a=control} values are resolved against
     * @throws IllegalArgumentException when a media section lacks what SETUP needs
     */
    public static SessionDescription parse(String sdp, String baseUrl) {
        List<Track> tracks = new ArrayList<>();
        double duration = Double.NaN;
        String sessionControl = null;
        TrackBuilder current = null;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                if (current != null) {
                    tracks.add(current.build(resolve(baseUrl, sessionControl)));
                }
                current = new TrackBuilder(line);
            } else if (line.startsWith("a=control:")) {
                String control = line.substring("a=control:".length()).trim();
                if (current == null) {
                    sessionControl = control;
                } else {
                    current.control = control;
                }
            } else if (line.startsWith("a=rtpmap:") && current != null) {
                current.rtpmap(line.substring("a=rtpmap:".length()));
            } else if (line.startsWith("a=range:npt=") && current == null) {
                duration = rangeEnd(line.substring("a=range:npt=".length()));
            }
        }
        if (current != null) {
            tracks.add(current.build(resolve(baseUrl, sessionControl)));
        }
        return new SessionDescription(resolve(baseUrl, sessionControl), List.copyOf(tracks), duration);
    }

    /** Returns the first track of the given media kind; fails when there is none. */
    public Track track(String media) {
        return tracks.stream().filter(t -> t.media().equals(media)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("SDP has no " + media + " track: " + tracks));
    }

    /**
     * Resolves a control attribute the way RTSP clients do in practice (ffmpeg, GStreamer): an
     * absolute URL stands, {@code *} means the base itself, anything else is appended after a slash.
     */
    static String resolve(String base, String control) {
        if (control == null || control.isEmpty() || control.equals("*")) {
            return base;
        }
        if (control.toLowerCase(Locale.ROOT).startsWith("rtsp://")) {
            return control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    private static double rangeEnd(String range) {
        int dash = range.indexOf('-');
        String end = dash < 0 ? "" : range.substring(dash + 1).trim();
        try {
            return end.isEmpty() ? Double.NaN : Double.parseDouble(end);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad SDP range end '" + end + "'", e);
        }
    }

    /** Collects one media section's lines until the next {@code m=}. */
    private static final class TrackBuilder {
        private final String media;
        private final int payloadType;
        private String encoding;
        private int clockRate;
        private String control;

        TrackBuilder(String mLine) {
            String[] fields = mLine.substring(2).trim().split("\\s+");
            if (fields.length < 4) {
                throw new IllegalArgumentException("SDP media line has fewer than 4 fields: " + mLine);
            }
            media = fields[0];
            payloadType = parseInt(fields[3], mLine);
        }

        void rtpmap(String value) {
            // "96 H264/90000" or "97 MPEG4-GENERIC/48000/2"; only our payload type's line counts
            String[] parts = value.trim().split("\\s+", 2);
            if (parts.length < 2 || parseInt(parts[0], value) != payloadType) {
                return;
            }
            String[] codec = parts[1].split("/");
            if (codec.length < 2) {
                throw new IllegalArgumentException("SDP rtpmap without a clock rate: " + value);
            }
            encoding = codec[0];
            clockRate = parseInt(codec[1], value);
        }

        Track build(String base) {
            if (clockRate <= 0) {
                throw new IllegalArgumentException("SDP " + media + " section has no a=rtpmap for payload type "
                        + payloadType);
            }
            return new Track(media, payloadType, encoding, clockRate, resolve(base, control));
        }

        private static int parseInt(String text, String line) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number '" + text + "' in SDP line: " + line, e);
            }
        }
    }
}
