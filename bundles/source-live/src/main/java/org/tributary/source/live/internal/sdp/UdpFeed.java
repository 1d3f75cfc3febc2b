package org.tributary.source.live.internal.sdp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.rtp.SenderLock;
import org.tributary.source.live.internal.Broadcast;
import org.tributary.source.live.internal.DropLog;

/**
 * One running SDP-file feed: its bound ports, one thread that receives on all of them and feeds
 * the {@link Broadcast} viewers subscribe to, and the lock on its sender. Packets from any other
 * host are dropped, counted and logged (at most once per {@link DropLog#INTERVAL_NANOS}).
 */
final class UdpFeed {

    private static final Logger LOG = LoggerFactory.getLogger(UdpFeed.class);
    private static final int MAX_DATAGRAM = 65535;
    /** Datagrams taken from one port before the others get their turn, so one flooded port cannot starve them. */
    private static final int BATCH = 64;
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final Broadcast broadcast;
    private final FeedChannels channels;
    private final Selector selector;
    private final SenderLock senders;
    private final DropLog foreignLog;
    private final LongAdder foreign = new LongAdder();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastUseNanos;

    private UdpFeed(Broadcast broadcast, FeedChannels channels, Selector selector, SenderLock senders,
                    DropLog foreignLog, long now) {
        this.broadcast = broadcast;
        this.channels = channels;
        this.selector = selector;
        this.senders = senders;
        this.foreignLog = foreignLog;
        this.lastUseNanos = now;
        this.thread = new Thread(this::receive, "tributary-sdp-feed-" + broadcast.path());
        thread.setDaemon(true);
    }

    /**
     * Binds the feed's ports and starts receiving.
     *
     * @param path               the path below the mount, such as {@code cam.sdp}
     * @param feed               the checked SDP file
     * @param multicastInterface the interface for multicast joins, or blank
     * @param nanoClock          monotonic time in nanoseconds
     * @return the running feed
     * @throws MediaException when a port cannot be bound or a group not joined (see {@link FeedChannels#open})
     */
    static UdpFeed start(String path, FeedDescription feed, String multicastInterface, LongSupplier nanoClock)
            throws MediaException {
        String name = "/" + path;
        FeedChannels channels = FeedChannels.open(path, feed.endpoints(), feed.sources(), multicastInterface);
        Selector selector;
        try {
            selector = Selector.open();
            for (FeedChannels.Port port : channels.ports()) {
                port.channel().register(selector, SelectionKey.OP_READ, port);
            }
        } catch (IOException e) {
            channels.close();
            throw new MediaException(Reason.CORRUPT, "SDP file " + path + ": cannot wait for packets: " + e, e);
        }
        String publisher = "udp " + feed.endpoints().get(0).describe();
        Broadcast broadcast = new Broadcast(path, name, publisher, feed.sdp(), nanoClock, ended -> { });
        UdpFeed started = new UdpFeed(broadcast, channels, selector, SenderLock.anyPort(feed.sources()),
                new DropLog(LOG, name, nanoClock), nanoClock.getAsLong());
        started.thread.start();
        return started;
    }

    Broadcast broadcast() {
        return broadcast;
    }

    /** @return packets dropped because a foreign host sent them */
    long foreignPackets() {
        return foreign.sum();
    }

    /** Records that a viewer asked for the feed or still watches it, which postpones the idle stop. */
    void used(long now) {
        lastUseNanos = now;
    }

    /** @return nanoseconds since the feed was last used */
    long idleNanos(long now) {
        return now - lastUseNanos;
    }

    /** Stops receiving, releases the ports, then ends the broadcast (its viewers get a clean end). Idempotent. */
    void stop() {
        running = false;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channels.close();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the selector of feed {} failed", broadcast.path(), e);
        }
        broadcast.close();
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        try {
            while (running) {
                selector.select(TimeUnit.SECONDS.toMillis(1));
                for (SelectionKey key : selector.selectedKeys()) {
                    drain((FeedChannels.Port) key.attachment(), buffer);
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException | ClosedChannelException e) {
            // stop() closed them: the normal end
        } catch (IOException | RuntimeException e) {
            if (running) {
                // the feed goes silent, and the publisher timeout ends it and its viewers
                LOG.warn("SDP feed /{} stopped receiving", broadcast.path(), e);
            }
        }
    }

    private void drain(FeedChannels.Port port, ByteBuffer buffer) throws IOException {
        for (int i = 0; i < BATCH && running; i++) {
            buffer.clear();
            SocketAddress from = port.channel().receive(buffer);
            if (from == null) {
                return;
            }
            buffer.flip();
            InetSocketAddress sender = (InetSocketAddress) from;
            if (!senders.admits(sender)) {
                foreign.increment();
                foreignLog.dropped(port.track(), "from " + LiteralAddresses.text(sender.getAddress(), sender.getPort())
                        + ", not " + senders.describe());
            } else if (port.rtcp()) {
                broadcast.rtcp(port.track(), buffer);
            } else {
                broadcast.rtp(port.track(), buffer);
            }
        }
    }
}
