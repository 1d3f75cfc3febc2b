package org.tributary.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RTP-Info header of a PLAY response (RFC 2326 §12.33): for each track its URL, the
 * sequence number of its first packet and the RTP timestamp of the Range start.
 *
 * @param entries one entry per track, in header order
 */
public record RtpInfo(List<Entry> entries) {

    /**
     * One track's part of the header.
     *
     * @param url the track URL as the server wrote it (absolute or relative)
     * @param seq the {@code seq} parameter, or null when absent
     * @param rtptime the {@code rtptime} parameter, or null when absent
     */
    public record Entry(String url, Integer seq, Long rtptime) {
    }

    /**
     * Parses {@code url=…;seq=…;rtptime=…,url=…}.
     *
     * @throws IllegalArgumentException when a number is malformed or out of range
     */
    public static RtpInfo parse(String header) {
        List<Entry> entries = new ArrayList<>();
        for (String part : header.split(",")) {
            String url = null;
            Integer seq = null;
            Long rtptime = null;
            for (String parameter : part.split(";")) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter.trim() : parameter.substring(0, equals).trim();
                String value = equals < 0 ? "" : parameter.substring(equals + 1).trim();
                switch (name) {
                    case "url" -> url = value;
                    case "seq" -> seq = (int) number(value, 0xFFFFL, header);
                    case "rtptime" -> rtptime = number(value, 0xFFFFFFFFL, header);
                    default -> { /* other parameters are not checked */ }
                }
            }
            entries.add(new Entry(url, seq, rtptime));
        }
        return new RtpInfo(List.copyOf(entries));
    }

    /**
     * Returns the entry for a track's absolute control URL: the same URL, or a relative URL that
     * the track URL ends with; empty when no entry names that track.
     */
    public Optional<Entry> find(String trackUrl) {
        return entries.stream()
                .filter(e -> e.url() != null && (e.url().equals(trackUrl) || trackUrl.endsWith("/" + e.url())))
                .findFirst();
    }

    private static long number(String text, long max, String header) {
        try {
            long value = Long.parseLong(text);
            if (value < 0 || value > max) {
                throw new IllegalArgumentException(text + " is outside 0.." + max + " in RTP-Info: " + header);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number '" + text + "' in RTP-Info: " + header, e);
        }
    }
}
