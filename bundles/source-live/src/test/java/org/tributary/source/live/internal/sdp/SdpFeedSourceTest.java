package org.tributary.source.live.internal.sdp;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.Test;
import org.tributary.api.BroadcastInfo;
import org.tributary.api.LivePresentation;
import org.tributary.api.LiveSubscription;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.source.live.internal.RtpPackets;

/** Starting, sharing and stopping feeds: the component as the RTSP server uses it, on a fake clock. */
public class SdpFeedSourceTest extends FeedTestSupport {

    @Test
    public void firstOpenStartsTheFeedAndLaterOnesShareIt() throws Exception {
        int port = FreeUdpPorts.pair();
        String cam = file("cam.sdp", SdpTexts.audio("127.0.0.1", port));
        LivePresentation first = open(cam);
        assertFalse("the feed holds its RTP port", FreeUdpPorts.isFree(port));
        assertFalse("and its RTCP port", FreeUdpPorts.isFree(port + 1));
        assertSame(first, open(cam));
        assertEquals("cam.sdp", first.path());
        assertTrue(first.mediaDescription(), first.mediaDescription().contains("a=control:trackID=1"));
        List<BroadcastInfo> listed = source.broadcasts();
        assertEquals(1, listed.size());
        assertEquals("/cam.sdp", listed.get(0).path());
        assertEquals("udp 127.0.0.1:" + port, listed.get(0).publisher());
        assertEquals(List.of("MPEG4-GENERIC"), listed.get(0).encodings());
        assertTrue(source.description(), source.description().endsWith("(1 running)"));
    }

    @Test
    public void feedStopsAfterTheIdleTimeWithoutViewersAndReleasesItsPorts() throws Exception {
        source.configure(settings(30, 0));
        int port = FreeUdpPorts.pair();
        String cam = file("cam.sdp", SdpTexts.audio("127.0.0.1", port));
        LivePresentation described = open(cam);
        advance(29);
        source.checkFeeds();
        assertEquals("a DESCRIBE keeps the feed for the idle time", 1, source.broadcasts().size());
        LiveSubscription viewer = open(cam).subscribe(new CollectingViewer());
        advance(120);
        source.checkFeeds();
        assertEquals("a viewer keeps it however long", 1, source.broadcasts().size());
        viewer.cancel();
        advance(29);
        source.checkFeeds();
        assertEquals(1, source.broadcasts().size());
        advance(1);
        source.checkFeeds();
        assertEquals("30 s after the last viewer left", List.of(), source.broadcasts());
        assertTrue(FreeUdpPorts.isFree(port) && FreeUdpPorts.isFree(port + 1));
        assertNotSame("the next open starts a new feed", described, open(cam));
    }

    @Test
    public void silentFeedEndsItsViewers() throws Exception {
        source.configure(settings(30, 5));
        String cam = file("cam.sdp", SdpTexts.audio("127.0.0.1", FreeUdpPorts.pair()));
        CollectingViewer viewer = new CollectingViewer();
        open(cam).subscribe(viewer);
        advance(4);
        source.checkFeeds();
        assertEquals(0, viewer.ended.get());
        advance(1);
        source.checkFeeds();
        assertEquals("told once that the broadcast ended (RTCP BYE)", 1, viewer.ended.get());
        assertEquals(List.of(), source.broadcasts());
    }

    @Test
    public void changedFileIsReadAgainByTheNextStart() throws Exception {
        int before = FreeUdpPorts.pair();
        String cam = file("cam.sdp", SdpTexts.audio("127.0.0.1", before));
        open(cam);
        int after = FreeUdpPorts.pair();
        file("cam.sdp", SdpTexts.audio("127.0.0.1", after));
        assertEquals("a running feed goes on", "udp 127.0.0.1:" + before, source.broadcasts().get(0).publisher());
        advance(31);
        source.checkFeeds();
        open(cam);
        assertEquals("udp 127.0.0.1:" + after, source.broadcasts().get(0).publisher());
    }

    @Test
    public void portInUseIsRefusedNamingFileAndPortAndBindsNothing() throws Exception {
        int port = FreeUdpPorts.pair();
        try (DatagramChannel taken = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", port + 1))) {
            String cam = file("cam.sdp", SdpTexts.audio("127.0.0.1", port));
            assertRefused(Reason.BUSY, cam, "SDP file cam.sdp", "UDP port 127.0.0.1:" + (port + 1));
            assertTrue("the RTP port bound before the failure is released", FreeUdpPorts.isFree(port));
            assertEquals(List.of(), source.broadcasts());
        }
    }

    @Test
    public void missingBrokenAndForeignFilesAreRefused() throws Exception {
        assertRefused(Reason.NOT_FOUND, "missing.sdp");
        assertRefused(Reason.NOT_FOUND, "../cam.sdp");
        assertRefused(Reason.INVALID, file("broken.sdp", "v=1\r\n"), "SDP file broken.sdp", "line 1");
        assertRefused(Reason.INVALID, file("big.sdp", "v=0\r\n" + "a=x\r\n".repeat(5000)), "SDP file big.sdp",
                "larger than 16384 bytes");
        assertRefused(Reason.INVALID, file("far.sdp", SdpTexts.audio("203.0.113.5", 5004)), "203.0.113.5");
        assertEquals(List.of(), source.broadcasts());
    }

    @Test
    public void stoppingEndsViewersReleasesPortsAndRefusesNewOpens() throws Exception {
        int port = FreeUdpPorts.pair();
        String cam = file("cam.sdp", SdpTexts.audio("127.0.0.1", port));
        CollectingViewer viewer = new CollectingViewer();
        open(cam).subscribe(viewer);
        source.stop();
        assertEquals(1, viewer.ended.get());
        assertTrue(FreeUdpPorts.isFree(port) && FreeUdpPorts.isFree(port + 1));
        assertRefused(Reason.NOT_FOUND, cam);
    }

    @Test
    public void announcingIsRefused() {
        MediaException e = assertThrows(MediaException.class, () -> source.publish("cam.sdp", "v=0", "a:1"));
        assertEquals(Reason.NOT_FOUND, e.reason());
    }

    @Test
    public void symbolicLinksToOneFileShareOneFeed() throws Exception {
        String cam = file("cam.sdp", SdpTexts.audio("127.0.0.1", FreeUdpPorts.pair()));
        Files.createSymbolicLink(media.resolve("alias.sdp"), media.resolve(cam));
        assertSame(open(cam), open("alias.sdp"));
        CollectingViewer viewer = new CollectingViewer();
        open("alias.sdp").subscribe(viewer);
        send("127.0.0.1", Integer.parseInt(source.broadcasts().get(0).publisher().replaceAll(".*:", "")),
                RtpPackets.packet(97, 1, 0x11));
        await().atMost(Duration.ofSeconds(5)).until(() -> viewer.packets.size() == 1);
    }
}
