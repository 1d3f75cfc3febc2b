package org.tributary.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.tributary.api.ReceptionStats;
import org.tributary.api.StreamSession;

/**
 * One access log line per finished session in the W3C extended log format of QTSS: a documented subset
 * of its fields, in its order, plus {@code x-kind}. Times are UTC. Every value is one token: a value
 * a client chose (User-Agent, path, user name) has its control characters (CR, LF...) removed, its
 * spaces turned into {@code +}, and {@code %}, {@code +}, {@code "} and non-ASCII bytes percent-encoded,
 * so no client can split a line, add one or shift a column. An unknown value is {@code -}.
 */
final class W3cLine {

    /** The columns, in order. */
    static final List<String> FIELDS = List.of("c-ip", "date", "time", "cs-uri-stem", "c-starttime",
            "x-duration", "c-status", "c-playerid", "avgbandwidth", "protocol", "transport", "sc-bytes",
            "cs-bytes", "s-pkts-sent", "c-pkts-received", "c-pkts-lost-client", "s-totalclients", "c-username",
            "x-kind");

    /** The {@code #Fields:} line naming {@link #FIELDS}. */
    static final String FIELDS_LINE = "#Fields: " + String.join(" ", FIELDS);

    /** Longest value written for a field a client chose; QTSS kept 256 bytes of a User-Agent too. */
    static final int MAX_VALUE = 256;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private W3cLine() {
    }

    /**
     * @param session a session that ended; its counters are final
     * @param end     when it ended
     * @param open    sessions still open (s-totalclients)
     * @return the line, without a line end
     */
    static String of(StreamSession session, Instant end, int open) {
        Duration duration = Duration.between(session.created(), end);
        double seconds = Math.max(0, duration.toMillis()) / 1000.0;
        long sent = session.bytesSent();
        long received = session.bytesReceived();
        ReceptionStats reception = session.reception();
        String[] values = {
            host(session.clientAddress()),
            DATE.format(end),
            TIME.format(end),
            token(session.path()),
            INSTANT.format(session.created()),
            String.format(Locale.ROOT, "%.3f", seconds),
            "200",
            token(session.userAgent()),
            seconds > 0 ? Long.toString(Math.round((sent + received) * 8 / seconds)) : "0",
            token(session.protocol()),
            token(session.transport()),
            Long.toString(sent),
            Long.toString(received),
            Long.toString(session.packetsSent()),
            packetsArrived(session, reception),
            reception.reports() > 0 ? Long.toString(Math.max(0, reception.cumulativeLost())) : "-",
            Integer.toString(open),
            token(session.userName()),
            token(session.kind()),
        };
        return String.join(" ", values);
    }

    /**
     * Packets that reached the other end: for a session that sends (viewer, listener), those sent less those
     * its client reported lost, when it reported; for a publisher, those the server received.
     */
    private static String packetsArrived(StreamSession session, ReceptionStats reception) {
        if (StreamSession.PUBLISHER.equals(session.kind())) {
            return Long.toString(session.packetsReceived());
        }
        if (reception.reports() == 0) {
            return "-";
        }
        return Long.toString(Math.max(0, session.packetsSent() - Math.max(0, reception.cumulativeLost())));
    }

    /** @return the address of {@code host:port} (IPv6 too), as one token */
    static String host(String clientAddress) {
        if (clientAddress == null) {
            return "-";
        }
        int colon = clientAddress.lastIndexOf(':');
        return token(colon > 0 ? clientAddress.substring(0, colon) : clientAddress);
    }

    /** @return the value as one token of a line: see the class comment; {@code -} when empty */
    static String token(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE) + 16);
        int kept = 0;
        for (int i = 0; i < value.length() && kept < MAX_VALUE; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isISOControl(c)) {
                continue;
            }
            kept++;
            if (c == ' ') {
                out.append('+');
            } else if (c == '%' || c == '+' || c == '"' || c > 0x7e) {
                int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.length() == 0 ? "-" : out.toString();
    }
}
