package org.tributary.rtp.rtsp;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An RTP-Info header (RFC 2326 §12.33) of a PLAY response: for each stream its URL and the RTP
 * sequence number and timestamp of the first packet sent after the PLAY, e.g.
 * {@code url=rtsp://h/p/trackID=1;seq=123;rtptime=456, url=rtsp://h/p/trackID=2;seq=9}.
 */
public final class RtpInfoHeader {

    private final List<Entry> entries;

    /** @param entries one entry per stream; at least one */
    public RtpInfoHeader(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an RTP-Info header needs at least one entry");
        }
        this.entries = List.copyOf(entries);
    }

    /** @return the entries, in stream order */
    public List<Entry> entries() {
        return entries;
    }

    /** @return the header value, entries separated by {@code ", "} */
    @Override
    public String toString() {
        return entries.stream().map(Entry::toString).collect(Collectors.joining(", "));
    }

    /**
     * One stream of the RTP-Info header.
     *
     * @param url     the stream URL as the client knows it (the SETUP URL); it must not contain blanks,
     *                control characters, {@code ,}, {@code ;} or {@code "}, which would break the header
     *                syntax (a quote makes the rest of the header one quoted string to a reader)
     * @param seq     the first RTP sequence number, 0..65535, or null when unknown
     * @param rtptime the RTP timestamp matching the start of the range, 0..2^32-1, or null when unknown
     */
    public record Entry(String url, Integer seq, Long rtptime) {

        /** @throws IllegalArgumentException when a field cannot be written into the header */
        public Entry {
            Objects.requireNonNull(url, "url");
            if (url.isEmpty() || url.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F || c == ',' || c == ';' || c == '"')) {
                throw new IllegalArgumentException("url \"" + url + "\" cannot be written into RTP-Info");
            }
            if (seq != null && (seq < 0 || seq > 0xFFFF)) {
                throw new IllegalArgumentException("seq " + seq + " is not a 16-bit value");
            }
            if (rtptime != null && (rtptime < 0 || rtptime > 0xFFFF_FFFFL)) {
                throw new IllegalArgumentException("rtptime " + rtptime + " is not an unsigned 32-bit value");
            }
        }

        /** @return {@code url=URL[;seq=N][;rtptime=N]} */
        @Override
        public String toString() {
            return "url=" + url + (seq == null ? "" : ";seq=" + seq) + (rtptime == null ? "" : ";rtptime=" + rtptime);
        }
    }
}
