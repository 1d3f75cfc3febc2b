package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * A publisher over UDP is locked to its source: while ffmpeg's stream is published from declared
 * ports and an ffmpeg viewer decodes it, a flood of RTP of another SSRC from the publisher's very
 * port, then of the right SSRC from another port of the same address, is dropped and counted in
 * {@code stream:broadcasts}, and the viewer decodes cleanly.
 */
public class PublisherLockInteropIT {

    /** Paths below /live/open/ take anonymous publishers, so the test's own RTSP client needs no login. */
    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.access.cfg", Map.of("rules", "/ WRITE group broadcaster; /live/open/ WRITE any-user"));

    private static final int FLOOD = 1000;
    private static final int BURST = 20;
    private static final long FORGED_SSRC = 0x0BADF00DL;

    @Test
    public void forgedRtpOfAnotherSsrcOrFromAnotherPortIsDroppedAndCountedWhileTheViewerDecodesCleanly()
            throws IOException {
        Tools.require("ffmpeg");
        String path = "/live/open/locked";
        int mark = AccessAssertions.logMark(SERVER);
        Path sdp = SERVER.home().resolve("locked-publisher.sdp");
        try (RelayedUdpPublisher publisher = RelayedUdpPublisher.publish(SERVER, path, movie(), sdp)) {
            await(path + " published").atMost(Duration.ofSeconds(20))
                    .until(() -> LiveClients.describeStatus(SERVER, path) == 200 && publisher.videoSsrc() >= 0);
            assertEquals("the publisher's own packets are all taken", 0, dropped(path));
            try (RunningCommand viewer = LiveClients.decode(SERVER.url(path), "tcp", 8)) {
                AccessAssertions.awaitLogLine(SERVER, mark, " for " + path);
                flood(packet -> publisher.sendFrom(RelayedUdpPublisher.VIDEO_RTP, packet), FORGED_SSRC);
                InetSocketAddress serverRtp = publisher.serverPort(RelayedUdpPublisher.VIDEO_RTP);
                try (DatagramSocket otherPort = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                    flood(packet -> otherPort.send(new DatagramPacket(packet, packet.length, serverRtp)),
                            publisher.videoSsrc());
                }
                LiveClients.assertDecodedCleanly("viewer of " + path + " during the floods",
                        viewer.awaitExit(LiveClients.VIEWER_TIMEOUT), 100);
            }
            // nothing else is dropped: more than one flood's worth means both were refused
            long dropped = dropped(path);
            assertTrue(dropped + " packets dropped, expected more than " + FLOOD + " and at most " + 2 * FLOOD,
                    dropped > FLOOD && dropped <= 2 * FLOOD);
        }
        String log = SERVER.logText().substring(mark);
        assertTrue("karaf.log must name the dropped packets:\n" + log,
                log.lines().anyMatch(line -> line.contains("broadcast " + path + " dropped")
                        && line.contains("RTP of another SSRC")));
    }

    /** Sends {@link #FLOOD} forged packets of {@code ssrc}, {@link #BURST} every 10 ms. */
    private static void flood(PacketSender sender, long ssrc) {
        AtomicInteger sent = new AtomicInteger();
        await("flood sent").pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(30)).until(() -> {
            for (int i = 0; i < BURST; i++) {
                sender.send(garbage(sent.getAndIncrement(), ssrc));
            }
            return sent.get() >= FLOOD;
        });
    }

    /** Sends one datagram. */
    private interface PacketSender {
        void send(byte[] packet) throws IOException;
    }

    /** An RTP packet of payload type 96 whose H.264 payload would break any decoder that got it. */
    private static byte[] garbage(int sequence, long ssrc) {
        return ByteBuffer.allocate(40).put((byte) 0x80).put((byte) 96).putShort((short) sequence)
                .putInt(sequence * 3600).putInt((int) ssrc).put((byte) 0x65).put((byte) 0x88).put((byte) 0x84)
                .array();
    }

    /** @return the broadcast's dropped packets as {@code stream:broadcasts} shows them */
    private static long dropped(String path) {
        return ShellTables.cell(SERVER.client("stream:broadcasts"), "Path", path, "Dropped")
                .map(Long::parseLong).orElseThrow(() -> new AssertionError("no broadcast at " + path));
    }

    private static Path movie() {
        return SERVER.mediaDir().resolve("sample.mp4");
    }
}
