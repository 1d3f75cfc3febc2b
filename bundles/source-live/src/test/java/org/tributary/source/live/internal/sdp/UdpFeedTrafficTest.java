package org.tributary.source.live.internal.sdp;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.junit.Test;
import org.tributary.source.live.internal.RtpPackets;

/** What a running feed does with the datagrams that reach its ports. */
public class UdpFeedTrafficTest extends FeedTestSupport {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private long dropped() {
        return source.broadcasts().get(0).dropped();
    }

    @Test
    public void packetsOfTheFirstSenderReachViewersAndOthersAreDroppedAndCounted() throws Exception {
        int port = FreeUdpPorts.pair();
        CollectingViewer viewer = new CollectingViewer();
        open(file("cam.sdp", SdpTexts.audio("127.0.0.1", port))).subscribe(viewer);
        ByteBuffer first = RtpPackets.packet(97, 1, 0xAA);
        send("127.0.0.1", port, first.duplicate());
        await().atMost(WITHIN).until(() -> viewer.packets.size() == 1);
        assertArrayEquals(first.array(), viewer.packets.get(0));

        send("127.0.0.2", port, RtpPackets.packet(97, 2, 0xBB));
        await("the foreign packet counted").atMost(WITHIN).until(() -> dropped() == 1);
        send("127.0.0.1", port, RtpPackets.packet(97, 3, 0xCC));
        await().atMost(WITHIN).until(() -> viewer.packets.size() == 2);
        assertEquals("the foreign packet never reached the viewer", 3, viewer.packets.get(1)[3]);
        assertEquals(2, source.broadcasts().get(0).packetsIn());
    }

    @Test
    public void sourceFilterAdmitsOnlyItsSenders() throws Exception {
        int port = FreeUdpPorts.pair();
        CollectingViewer viewer = new CollectingViewer();
        open(file("cam.sdp", SdpTexts.audio("127.0.0.1", port,
                "a=source-filter: incl IN IP4 127.0.0.1 127.0.0.2"))).subscribe(viewer);
        send("127.0.0.1", port, RtpPackets.packet(97, 1, 0xAA));
        await().atMost(WITHIN).until(() -> dropped() == 1);
        send("127.0.0.2", port, RtpPackets.packet(97, 2, 0xBB));
        await().atMost(WITHIN).until(() -> viewer.packets.size() == 1);
        assertEquals(2, viewer.packets.get(0)[3]);
    }

    @Test
    public void brokenPacketsAreDroppedAndCountedWhileGoodOnesFlow() throws Exception {
        int port = FreeUdpPorts.pair();
        CollectingViewer viewer = new CollectingViewer();
        open(file("cam.sdp", SdpTexts.audio("127.0.0.1", port))).subscribe(viewer);
        send("127.0.0.1", port, ByteBuffer.wrap(new byte[] {(byte) 0x80, 97, 0}));
        send("127.0.0.1", port, RtpPackets.packet(96, 2, 0xAA));
        send("127.0.0.1", port + 1, ByteBuffer.wrap(new byte[] {0x00, 0x00}));
        send("127.0.0.1", port, RtpPackets.packet(97, 4, 0xAA));
        await().atMost(WITHIN).until(() -> viewer.packets.size() == 1 && dropped() == 3);
        assertEquals(4, viewer.packets.get(0)[3]);
    }

    @Test
    public void senderReportsOnTheRtcpPortReachViewers() throws Exception {
        int rtcpPort = FreeUdpPorts.pair();
        int rtpPort = FreeUdpPorts.pair();
        CollectingViewer viewer = new CollectingViewer();
        open(file("cam.sdp", SdpTexts.audio("127.0.0.1", rtpPort, "a=rtcp:" + rtcpPort))).subscribe(viewer);
        // a report maps timestamps the viewer knows only once the feed's first packet set them
        send("127.0.0.1", rtpPort, RtpPackets.packet(97, 1, 0xAA));
        await().atMost(WITHIN).until(() -> viewer.packets.size() == 1);
        ByteBuffer report = ByteBuffer.allocate(28).put((byte) 0x80).put((byte) 200).putShort((short) 6)
                .putInt(0x11223344).putLong(0x0102030405060708L).putInt(90000).putInt(1).putInt(100).flip();
        send("127.0.0.1", rtcpPort, report);
        await().atMost(WITHIN).until(() -> viewer.senderReportTimestamps.equals(List.of(90000L)));
    }
}
