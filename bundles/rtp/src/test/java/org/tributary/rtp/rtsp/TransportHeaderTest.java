package org.tributary.rtp.rtsp;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class TransportHeaderTest {

    /** Client header, then the spec as the server would write it back. */
    private static final String[][] VALID = {
        {"RTP/AVP;unicast;client_port=5000-5001", "RTP/AVP;unicast;client_port=5000-5001"},
        {"RTP/AVP/UDP;unicast;client_port=5000-5001", "RTP/AVP;unicast;client_port=5000-5001"},
        {"RTP/AVP/TCP;unicast;interleaved=0-1", "RTP/AVP/TCP;unicast;interleaved=0-1"},
        {"RTP/AVP/TCP;interleaved=2-3", "RTP/AVP/TCP;unicast;interleaved=2-3"},
        {"RTP/AVP;unicast;client_port=6000", "RTP/AVP;unicast;client_port=6000-6001"},
        {"RTP/AVP;unicast;interleaved=254", "RTP/AVP;unicast;interleaved=254-255"},
        {"rtp/avp/udp;UNICAST;Client_Port=1-2", "RTP/AVP;unicast;client_port=1-2"},
        {"RTP/AVP;unicast;client_port=65534-65535;server_port=6970-6971;ssrc=1a2b3c4d",
            "RTP/AVP;unicast;client_port=65534-65535;server_port=6970-6971;ssrc=1A2B3C4D"},
        {"RTP/AVP;unicast;client_port=5000-5001;ssrc=ff", "RTP/AVP;unicast;client_port=5000-5001;ssrc=000000FF"},
        {"RTP/AVP/UDP;unicast;client_port=5000-5001;mode=record", "RTP/AVP;unicast;client_port=5000-5001;mode=record"},
        {"RTP/AVP/TCP;unicast;interleaved=0-1;mode=RECORD", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record"},
        {"RTP/AVP/TCP;unicast;interleaved=0-1;mode=\"RECORD\"", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record"},
        {"RTP/AVP/TCP;unicast;interleaved=0-1;mode=receive", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record"},
        {"RTP/AVP;unicast;client_port=5000-5001;mode=\"PLAY\"", "RTP/AVP;unicast;client_port=5000-5001;mode=play"},
        {"RTP/AVP;unicast;client_port=5000-5001;mode=play", "RTP/AVP;unicast;client_port=5000-5001;mode=play"},
        {"RTP/AVP;multicast;destination=224.2.0.1;ttl=16;port=3456-3457",
            "RTP/AVP;multicast;destination=224.2.0.1;ttl=16"},
        {"RTP/AVP;unicast;destination=127.0.0.1;source=10.0.0.1;client_port=5000-5001",
            "RTP/AVP;unicast;destination=127.0.0.1;source=10.0.0.1;client_port=5000-5001"},
        {"RTP/AVP;unicast;client_port=5000-5001;x-dynamic-rate=1;rtcp-mux;append",
            "RTP/AVP;unicast;client_port=5000-5001"},
        {" RTP/AVP ; unicast ; client_port = 5000-5001 ", "RTP/AVP;unicast;client_port=5000-5001"},
        {"RTP/AVP;unicast;destination;client_port=5000-5001", "RTP/AVP;unicast;client_port=5000-5001"},
    };

    private static final String[][] MALFORMED = {
        {"RTP/AVP;unicast;client_port=0-1", "client_port 0 is outside 1..65535"},
        {"RTP/AVP;unicast;client_port=70000-70001", "client_port 70000 is outside 1..65535"},
        {"RTP/AVP;unicast;client_port=65535", "no room"},
        {"RTP/AVP;unicast;client_port=abc", "client_port \"abc\" is not a decimal number"},
        {"RTP/AVP;unicast;client_port=5001-5000", "ends before it starts"},
        {"RTP/AVP;unicast;client_port=-5000", "client_port \"\" is not a decimal number"},
        {"RTP/AVP;unicast;client_port=", "client_port has no value"},
        {"RTP/AVP;unicast;client_port", "client_port has no value"},
        {"RTP/AVP;unicast;server_port=1-99999999999999999999", "server_port"},
        {"RTP/AVP/TCP;interleaved=0-256", "interleaved 256 is outside 0..255"},
        {"RTP/AVP/TCP;interleaved=255", "no room"},
        {"RTP/AVP;unicast;client_port=5000-5001;ssrc=123456789", "ssrc \"123456789\""},
        {"RTP/AVP;unicast;client_port=5000-5001;ssrc=xyz", "ssrc \"xyz\""},
        {"RTP/AVP;unicast;client_port=5000-5001;mode=teardown", "mode \"teardown\""},
        {"RTP/AVP;multicast;ttl=256", "ttl 256 is outside 0..255"},
        {"RTP/AVP;unicast;destination=evil host;client_port=1-2", "destination \"evil host\""},
        {"", "Transport header is empty"},
        {" , ,", "Transport header is empty"},
        {";unicast;client_port=1-2", "does not start with a protocol"},
        {"RTP/AVP;unicast;client_port=1-2,".repeat(17), "more than 16 specs"},
    };

    @Test
    public void validHeadersParseAndFormat() throws Exception {
        for (String[] row : VALID) {
            TransportHeader header = TransportHeader.parse(row[0]);
            assertEquals(row[0], 1, header.specs().size());
            assertEquals(row[0], row[1], header.toString());
            assertEquals("formatting is stable", row[1], TransportHeader.parse(row[1]).toString());
        }
    }

    @Test
    public void malformedHeadersAreBadRequests() {
        for (String[] row : MALFORMED) {
            try {
                TransportHeader.parse(row[0]);
                fail("accepted " + row[0]);
            } catch (MalformedHeaderException e) {
                assertTrue(row[0] + " -> " + e.getMessage(), e.getMessage().contains(row[1]));
                assertEquals(400, e.statusCode());
            } catch (UnsupportedTransportException e) {
                fail(row[0] + " -> 461 instead of 400: " + e.getMessage());
            }
        }
    }

    @Test
    public void parsedFieldsHaveTheirValues() throws Exception {
        TransportSpec spec = TransportHeader.parse("RTP/AVP/TCP;unicast;interleaved=4-5;ssrc=FFFFFFFF;mode=record;"
                + "ttl=0").specs().get(0);
        assertEquals(TransportSpec.LowerTransport.TCP, spec.lowerTransport());
        assertEquals(new PortPair(4, 5), spec.interleaved());
        assertEquals(Long.valueOf(0xFFFFFFFFL), spec.ssrc());
        assertEquals(TransportSpec.Mode.RECORD, spec.mode());
        assertEquals(Integer.valueOf(0), spec.ttl());
        assertNull(spec.clientPort());
        assertNull(spec.serverPort());
    }

    @Test
    public void unsupportedProfilesAreSkippedOrGive461() throws Exception {
        TransportHeader mixed = TransportHeader.parse("RTP/SAVP;unicast;client_port=4588-4589,"
                + "RAW/RAW/UDP;unicast;client_port=3000,RTP/AVP/TCP;unicast;interleaved=0-1");
        assertEquals("RTP/AVP/TCP;unicast;interleaved=0-1", mixed.toString());
        for (String only : new String[] {"RTP/SAVP;unicast;client_port=4588-4589",
            "RAW/RAW/UDP;unicast;client_port=3000", "RTP/AVPF;unicast;client_port=1-2", "RTP/AVP/SCTP;unicast", "MP2T/H2221/UDP;unicast;client_port=1"}) {
            UnsupportedTransportException e = assertThrows(UnsupportedTransportException.class,
                    () -> TransportHeader.parse(only));
            assertEquals(461, e.statusCode());
            assertTrue(e.getMessage(), e.getMessage().contains(only.substring(0, only.indexOf(';'))));
        }
    }

    @Test
    public void selectReturnsFirstServableSpec() throws Exception {
        assertEquals("RTP/AVP;unicast;client_port=5000-5001", TransportHeader.parse(
                "RTP/AVP;multicast;destination=224.2.0.1,RTP/AVP;unicast,RTP/AVP;unicast;client_port=5000-5001,"
                        + "RTP/AVP/TCP;unicast;interleaved=0-1").select().toString());
        assertEquals("RTP/AVP/TCP;unicast;interleaved=0-1", TransportHeader.parse(
                "RTP/AVP/UDP;unicast,RTP/AVP/TCP;unicast;interleaved=0-1").select().toString());
        TransportSpec chosenByServer = TransportHeader.parse("RTP/AVP/TCP;unicast").select();
        assertNull("the server picks the channels", chosenByServer.interleaved());
    }

    @Test
    public void selectWithoutServableSpecGives461() throws Exception {
        TransportHeader header = TransportHeader.parse("RTP/AVP;multicast;ttl=4,RTP/AVP;unicast;destination=1.2.3.4");
        UnsupportedTransportException e = assertThrows(UnsupportedTransportException.class, header::select);
        assertEquals(461, e.statusCode());
    }

    @Test
    public void responsesAreBuiltFromTheSelectedSpec() throws Exception {
        TransportSpec udp = TransportHeader.parse("RTP/AVP/UDP;unicast;client_port=5000-5001").select()
                .withServerPort(new PortPair(6970, 6971)).withSsrc(0x1A2B3C4DL);
        assertEquals("RTP/AVP;unicast;client_port=5000-5001;server_port=6970-6971;ssrc=1A2B3C4D", udp.toString());
        TransportSpec tcp = TransportHeader.parse("RTP/AVP/TCP;unicast").select().withInterleaved(new PortPair(0, 1));
        assertEquals("RTP/AVP/TCP;unicast;interleaved=0-1", tcp.toString());
        assertEquals("RTP/AVP/TCP;unicast;interleaved=2-3", TransportSpec.tcp(new PortPair(2, 3)).toString());
        assertEquals("RTP/AVP;unicast;client_port=9-10", TransportSpec.udp(new PortPair(9, 10)).toString());
        assertEquals("RTP/AVP;unicast;destination=127.0.0.1;client_port=9-10",
                TransportSpec.udp(new PortPair(9, 10)).withAddresses("127.0.0.1", null).toString());
        assertThrows(IllegalArgumentException.class, () -> udp.withSsrc(0x1_0000_0000L));
        assertEquals("RTP/AVP;unicast;client_port=5000-5001,RTP/AVP/TCP;unicast;interleaved=0-1",
                new TransportHeader(List.of(TransportSpec.udp(new PortPair(5000, 5001)),
                        TransportSpec.tcp(new PortPair(0, 1)))).toString());
    }
}
