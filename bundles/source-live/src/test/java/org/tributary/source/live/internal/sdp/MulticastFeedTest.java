package org.tributary.source.live.internal.sdp;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.source.live.internal.RtpPackets;

/**
 * Multicast feeds, as far as the machine allows: where the loopback interface has no MULTICAST flag
 * (the usual case) a feed on it is refused with a clear message; where it has one (run the tests
 * in a private network namespace: {@code unshare -n}, then {@code ip link set lo up multicast on})
 * a feed joins a group on it and receives what is sent there. No test joins a group on a real
 * network interface, which would send IGMP reports out of the machine.
 */
public class MulticastFeedTest extends FeedTestSupport {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private static boolean loopbackMulticast() throws IOException {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        return lo != null && lo.isUp() && lo.supportsMulticast();
    }

    @Test
    public void unknownInterfaceIsNamed() throws Exception {
        MediaException e = assertThrows(MediaException.class,
                () -> MulticastInterfaces.choose("no-such-if0", InetAddress.getByName("239.255.1.2")));
        assertEquals(Reason.INVALID, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("multicastInterface no-such-if0 is not an interface"));
    }

    @Test
    public void defaultInterfaceIsUpWithMulticastOrTheErrorSaysWhatToSet() throws Exception {
        try {
            NetworkInterface chosen = MulticastInterfaces.choose("", InetAddress.getByName("239.255.1.2"));
            assertTrue(chosen.getName(), chosen.isUp() && chosen.supportsMulticast());
        } catch (MediaException e) {
            assertTrue(e.getMessage(), e.getMessage().endsWith("set multicastInterface"));
        }
    }

    @Test
    public void feedOnAnInterfaceWithoutMulticastIsRefusedClearly() throws Exception {
        assumeTrue("lo supports multicast here", !loopbackMulticast());
        source.configure(new SdpSettings(media, 30, 20, 16384, "lo"));
        int port = FreeUdpPorts.pair();
        assertRefused(Reason.INVALID, file("group.sdp", SdpTexts.audio("239.255.1.2/1", port)),
                "multicastInterface lo does not support multicast");
        assertTrue("nothing stays bound", FreeUdpPorts.isFree(port));
    }

    @Test
    public void feedJoinsAnIpv4GroupOnLoopbackAndReceivesFromIt() throws Exception {
        assertReceivesFromGroup("239.255.1.2", StandardProtocolFamily.INET);
    }

    /** Linux does not loop IPv6 multicast back on lo, so only the join itself is checked. */
    @Test
    public void feedJoinsAnIpv6GroupOnLoopback() throws Exception {
        assumeTrue("lo has no MULTICAST flag here: run in a network namespace to test joins", loopbackMulticast());
        source.configure(new SdpSettings(media, 30, 20, 16384, "lo"));
        int port = FreeUdpPorts.pair();
        open(file("group.sdp", SdpTexts.audio("ff15::1:2", port)));
        assertEquals("udp [ff15:0:0:0:0:0:1:2]:" + port, source.broadcasts().get(0).publisher());
    }

    private void assertReceivesFromGroup(String group, StandardProtocolFamily family) throws Exception {
        assumeTrue("lo has no MULTICAST flag here: run in a network namespace to test joins", loopbackMulticast());
        source.configure(new SdpSettings(media, 30, 20, 16384, "lo"));
        int port = FreeUdpPorts.pair();
        CollectingViewer viewer = new CollectingViewer();
        open(file("group.sdp", SdpTexts.audio(group, port))).subscribe(viewer);
        try (DatagramChannel sender = DatagramChannel.open(family)) {
            sender.setOption(StandardSocketOptions.IP_MULTICAST_IF, NetworkInterface.getByName("lo"));
            sender.send(RtpPackets.packet(97, 1, 0xAA), new InetSocketAddress(InetAddress.getByName(group), port));
        }
        await().atMost(WITHIN).until(() -> viewer.packets.size() == 1);
    }
}
