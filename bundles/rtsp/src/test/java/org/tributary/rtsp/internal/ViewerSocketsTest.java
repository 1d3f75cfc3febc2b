package org.tributary.rtsp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import org.junit.After;
import org.junit.Test;
import org.tributary.rtp.UdpPortPool;

/** Viewers on one event loop share one socket pair over real loopback sockets, whatever the range's size. */
public class ViewerSocketsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final EventLoopGroup group = NettyTransport.group(1, "viewer-sockets-test");
    private final EventLoop loop = group.next();
    private final ViewerSockets sockets = new ViewerSockets();
    /** Two pairs only: before the sockets were shared, two tracks took the whole range. */
    private final UdpPortPool pool = new UdpPortPool(32000, 32003);
    private final List<DatagramSocket> clients = new ArrayList<>();

    @After
    public void tearDown() {
        clients.forEach(DatagramSocket::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private DatagramSocket client() throws Exception {
        DatagramSocket socket = new DatagramSocket(0, LOOPBACK);
        socket.setSoTimeout(5000);
        clients.add(socket);
        return socket;
    }

    private SharedUdpTransport open(DatagramSocket rtp, DatagramSocket rtcp, AtomicInteger reports) throws Exception {
        return sockets.open(loop, pool, "127.0.0.1", LOOPBACK, rtp.getLocalPort(), rtcp.getLocalPort(),
                packet -> reports.incrementAndGet()).get(5, TimeUnit.SECONDS);
    }

    private static String receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[64], 64);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    private static void send(SharedUdpTransport transport, String payload) throws Exception {
        transport.executor().submit(() -> {
            transport.sendRtp(Unpooled.copiedBuffer(payload, StandardCharsets.US_ASCII));
            transport.flush();
        }).get(5, TimeUnit.SECONDS);
    }

    private static void report(DatagramSocket from, int serverRtpPort) throws Exception {
        byte[] rr = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 1};
        from.send(new DatagramPacket(rr, rr.length, LOOPBACK, serverRtpPort + 1));
    }

    @Test
    public void moreViewerTracksThanTheRangeHasPairsShareOnePairAndEachGetsItsOwnMediaAndReports() throws Exception {
        int tracks = 6;
        List<SharedUdpTransport> transports = new ArrayList<>();
        List<DatagramSocket[]> ends = new ArrayList<>();
        List<AtomicInteger> reports = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            DatagramSocket[] pair = {client(), client()};
            AtomicInteger count = new AtomicInteger();
            transports.add(open(pair[0], pair[1], count));
            ends.add(pair);
            reports.add(count);
        }
        int port = transports.get(0).serverPort();
        for (SharedUdpTransport transport : transports) {
            assertEquals("one shared pair", port, transport.serverPort());
            assertTrue(transport.responseHeader(), transport.responseHeader().endsWith(
                    ";server_port=" + port + "-" + (port + 1)));
        }
        assertEquals(1, pool.inUse());
        for (int i = 0; i < tracks; i++) {
            send(transports.get(i), "media " + i);
        }
        for (int i = 0; i < tracks; i++) {
            assertEquals("media " + i, receive(ends.get(i)[0]));
        }
        report(ends.get(4)[1], port);
        report(ends.get(1)[1], port);
        report(ends.get(1)[1], port);
        await().atMost(Duration.ofSeconds(5)).until(() -> reports.get(1).get() == 2 && reports.get(4).get() == 1);
        assertEquals(3, reports.stream().mapToInt(AtomicInteger::get).sum());
        transports.forEach(SharedUdpTransport::close);
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.inUse() == 0);
    }

    @Test
    public void theLastViewerLeavingClosesThePairAndGivesItsPortsBack() throws Exception {
        SharedUdpTransport first = open(client(), client(), new AtomicInteger());
        SharedUdpTransport second = open(client(), client(), new AtomicInteger());
        first.close();
        first.close();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .until(() -> pool.inUse() == 1 && sockets.size() == 1);
        second.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.inUse() == 0 && sockets.size() == 0);
        DatagramSocket rtp = client();
        SharedUdpTransport next = open(rtp, client(), new AtomicInteger());
        send(next, "again");
        assertEquals("again", receive(rtp));
        next.close();
    }

    @Test
    public void aViewerOnAnotherLoopGetsAPairOfItsOwn() throws Exception {
        EventLoopGroup other = NettyTransport.group(1, "viewer-sockets-other");
        try {
            SharedUdpTransport here = open(client(), client(), new AtomicInteger());
            SharedUdpTransport there = sockets.open(other.next(), pool, "127.0.0.1", LOOPBACK, 9, 10, p -> { })
                    .get(5, TimeUnit.SECONDS);
            assertTrue(here.serverPort() != there.serverPort());
            assertEquals(2, pool.inUse());
            here.close();
            there.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> pool.inUse() == 0);
        } finally {
            other.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    public void aViewerThatQueuesTooMuchLosesFramesAloneUntilThePairIsFlushed() throws Exception {
        SharedUdpTransport greedy = open(client(), client(), new AtomicInteger());
        SharedUdpTransport modest = open(client(), client(), new AtomicInteger());
        boolean[] writable = greedy.executor().submit(() -> {
            for (int sent = 0; sent <= SharedUdpTransport.MAX_UNFLUSHED; sent += 1400) {
                greedy.sendRtp(Unpooled.buffer(1400).writeZero(1400));
            }
            boolean[] states = {greedy.writable(), modest.writable(), false};
            modest.flush();
            states[2] = greedy.writable();
            return states;
        }).get(5, TimeUnit.SECONDS);
        assertEquals("the greedy viewer stops at its bound", false, writable[0]);
        assertEquals("its neighbour on the same pair goes on", true, writable[1]);
        assertEquals("a flush of the pair, by any viewer, sends the greedy one's queue too", true, writable[2]);
        greedy.close();
        modest.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.inUse() == 0);
    }
}
