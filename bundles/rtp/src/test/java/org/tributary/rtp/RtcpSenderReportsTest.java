package org.tributary.rtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.tributary.rtp.TestPackets.bytes;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/** {@link Rtcp#senderReports}: the strict reading of a publisher's Sender Reports. */
public class RtcpSenderReportsTest {

    /** SR (no report blocks) + SDES with a CNAME, as ffmpeg sends it. */
    private static ByteBuffer srAndSdes() {
        return bytes(0x80, 200, 0, 6, 0x11, 0x22, 0x33, 0x44,
                0xE9, 0x3A, 0x4B, 0x5C, 0x80, 0x00, 0x00, 0x00,   // NTP
                0xF0, 0x00, 0x00, 0x01,                           // RTP timestamp
                0, 0, 0, 10, 0, 0, 0x10, 0,                       // packets, octets
                0x81, 202, 0, 2, 0x11, 0x22, 0x33, 0x44, 1, 1, 'x', 0);
    }

    private static List<long[]> read(ByteBuffer compound) throws MalformedRtpException {
        List<long[]> reports = new ArrayList<>();
        Rtcp.senderReports(compound, (ntp, rtp) -> reports.add(new long[] {ntp, rtp}));
        return reports;
    }

    @Test
    public void readsTheClockMapping() throws Exception {
        List<long[]> reports = read(srAndSdes());
        assertEquals(1, reports.size());
        assertArrayEquals(new long[] {0xE93A4B5C80000000L, 0xF0000001L}, reports.get(0));
    }

    @Test
    public void ignoresReceiverReports() throws Exception {
        assertEquals(0, read(bytes(0x80, 201, 0, 1, 1, 2, 3, 4)).size());
    }

    @Test
    public void brokenCompoundsDeliverNothing() {
        ByteBuffer truncated = srAndSdes();
        truncated.limit(truncated.limit() - 1);
        String[] expected = {"RTCP packet of 12 bytes beyond the compound's end", "RTCP version 0 instead of 2",
            "RTCP sender report of 8 bytes, shorter than 28", "empty RTCP packet",
            "RTCP packet header beyond the compound's end"};
        ByteBuffer[] packets = {truncated, bytes(0x00, 200, 0, 6), bytes(0x80, 200, 0, 1, 1, 2, 3, 4),
            bytes(), bytes(0x80, 201, 0)};
        for (int i = 0; i < packets.length; i++) {
            try {
                List<long[]> reports = read(packets[i]);
                fail("accepted packet " + i + " with " + reports.size() + " reports");
            } catch (MalformedRtpException e) {
                assertEquals(expected[i], e.getMessage());
            }
        }
    }
}
