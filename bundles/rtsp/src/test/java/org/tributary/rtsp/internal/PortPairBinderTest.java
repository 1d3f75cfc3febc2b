package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import org.junit.After;
import org.junit.Test;
import org.tributary.rtp.UdpPortPool;

/**
 * A pair another program holds (here a client's socket in the range, as ffmpeg's random ports can be) is
 * skipped and the next one bound, with the same handlers: a failed attempt must not spoil them for the next.
 */
public class PortPairBinderTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final EventLoopGroup group = NettyTransport.group(1, "port-pair-binder-test");
    private final EventLoop loop = group.next();

    @After
    public void tearDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    public void aPairWhoseRtpPortIsHeldIsSkipped() throws Exception {
        assertSkipsTheHeldPair(32200, 32200);
    }

    @Test
    public void aPairWhoseRtcpPortIsHeldIsSkipped() throws Exception {
        assertSkipsTheHeldPair(32240, 32241);
    }

    private void assertSkipsTheHeldPair(int rangeStart, int heldPort) throws Exception {
        UdpPortPool pool = new UdpPortPool(rangeStart, rangeStart + 31);
        try (DatagramSocket other = new DatagramSocket(heldPort, LOOPBACK)) {
            PortPairBinder.Bound bound = PortPairBinder.bind(loop, pool, "127.0.0.1",
                    new UdpMediaTransport.Inlet(null), new UdpMediaTransport.Inlet(null),
                    PortPairBinder.Options.SESSION).get(5, TimeUnit.SECONDS);
            try {
                assertEquals("the pair after the held one", rangeStart + 2, bound.port());
            } finally {
                bound.rtp().close().sync();
                bound.rtcp().close().sync();
            }
        }
    }
}
