package org.tributary.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tributary.api.ReceptionStats;
import org.tributary.api.StreamSession;

public class W3cLineTest {

    private static final Instant END = Instant.parse("2026-12-07T10:00:10.500Z");

    private static Map<String, String> fields(String line) {
        List<String> values = Arrays.asList(line.split(" ", -1));
        assertEquals(line, W3cLine.FIELDS.size(), values.size());
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            out.put(W3cLine.FIELDS.get(i), values.get(i));
        }
        return out;
    }

    /** Checks the named fields of a line: name, value, name, value... */
    private static void assertFields(String line, String... expected) {
        Map<String, String> f = fields(line);
        for (int i = 0; i < expected.length; i += 2) {
            assertEquals(expected[i], expected[i + 1], f.get(expected[i]));
        }
    }

    @Test
    public void aViewerLineHasEveryFieldInTheHeadersOrder() {
        FakeSession s = new FakeSession();
        s.reception = new ReceptionStats(4, 2, 0, 1.5, 20, Double.NaN);
        assertFields(W3cLine.of(s, END, 3), "c-ip", "127.0.0.1", "date", "2026-12-07", "time", "10:00:10",
                "cs-uri-stem", "/sample.mp4", "c-starttime", "2026-12-07T10:00:00Z", "x-duration", "10.500",
                "c-status", "200", "c-playerid", "Lavf/59.27.100", "avgbandwidth", "762", "protocol", "RTSP",
                "transport", "RTP/AVP/UDP", "sc-bytes", "1000", "cs-bytes", "0", "s-pkts-sent", "10",
                "c-pkts-received", "8", "c-pkts-lost-client", "2", "s-totalclients", "3", "c-username", "-",
                "x-kind", "viewer");
    }

    @Test
    public void aPublisherLineCountsWhatTheServerReceived() {
        FakeSession s = new FakeSession();
        s.kind = StreamSession.PUBLISHER;
        s.user = "alice";
        s.bytesSent = 0;
        s.packetsSent = 0;
        s.bytesReceived = 5000;
        s.packetsReceived = 50;
        assertFields(W3cLine.of(s, END, 0), "cs-bytes", "5000", "c-pkts-received", "50", "c-pkts-lost-client", "-",
                "c-username", "alice", "x-kind", "publisher");
    }

    @Test
    public void aHostileUserAgentStaysOneTokenOnOneLine() {
        FakeSession s = new FakeSession();
        s.agent = "Evil \"Player\"\r\n127.0.0.1 2026-01-01 00:00:00 /forged 100%+\t<script>\u0000é";
        String line = W3cLine.of(s, END, 0);
        assertFalse(line.contains("\r") || line.contains("\n") || line.contains("\t") || line.contains("\u0000"));
        assertFalse(line, line.contains("\""));
        String agent = fields(line).get("c-playerid");
        assertEquals("Evil+%22Player%22127.0.0.1+2026-01-01+00:00:00+/forged+100%25%2B<script>%C3%A9", agent);
    }

    @Test
    public void clientChosenValuesAreCappedAndEmptyOnesAreADash() {
        FakeSession s = new FakeSession();
        s.agent = "x".repeat(10_000);
        s.path = "";
        Map<String, String> f = fields(W3cLine.of(s, END, 0));
        assertEquals(W3cLine.MAX_VALUE, f.get("c-playerid").length());
        assertEquals("-", f.get("cs-uri-stem"));
        assertEquals("-", W3cLine.token("\r\n"));
    }

    @Test
    public void anIpv6ClientLosesOnlyItsPort() {
        assertEquals("0:0:0:0:0:0:0:1", W3cLine.host("0:0:0:0:0:0:0:1:5000"));
        assertEquals("10.0.0.7", W3cLine.host("10.0.0.7:554"));
    }

    @Test
    public void spacesInATransportBecomePlusSigns() {
        assertEquals("RTP/AVP/TCP+(HTTP+tunnel)", W3cLine.token("RTP/AVP/TCP (HTTP tunnel)"));
        assertTrue(W3cLine.FIELDS_LINE.startsWith("#Fields: c-ip date time cs-uri-stem"));
    }
}
