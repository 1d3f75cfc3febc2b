package org.tributary.itests.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import org.tributary.itests.support.RtpHeader;

/**
 * The load tool's single receiving thread: one {@link Selector} over every session's UDP
 * channels, draining each readable channel and handing RTP packets to the
 * {@link RtpPacketListener} attached to its key (RTCP keys carry none, or an {@link RtcpListener}).
 * A key may also carry a {@link ConnectionReader}: a TCP connection read by it (RTP interleaved, or
 * only watched for its close). One thread for all sessions keeps the tool's own CPU cost small and
 * measurable next to the server's.
 */
final class UdpReceiver implements Closeable {

    private static final long SELECT_MILLIS = 100;

    private final Selector selector;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong rtcpPackets = new AtomicLong();
    private final Thread thread;
    private volatile boolean running;
    private volatile Throwable failure;

    UdpReceiver() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::loop, "rtp-load-receiver");
        thread.setDaemon(true);
    }

    /** Returns the selector the sessions register their channels with, before {@link #start()}. */
    Selector selector() {
        return selector;
    }

    /** Starts receiving. */
    void start() {
        running = true;
        thread.start();
    }

    /** Returns the packets that were too short or not RTP version 2. */
    long malformedPackets() {
        return malformed.get();
    }

    /** Returns the packets received on RTCP ports. */
    long rtcpPackets() {
        return rtcpPackets.get();
    }

    /** Stops the thread, waits for it, and rethrows what made it stop early, if anything. */
    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
        if (failure != null) {
            throw new IOException("the receiver thread failed", failure);
        }
    }

    private void loop() {
        try {
            while (running) {
                selector.select(SELECT_MILLIS);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.isReadable()) {
                        drain(key);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    private void drain(SelectionKey key) throws IOException {
        if (key.attachment() instanceof ConnectionReader reader) {
            reader.onReadable(key, buffer);
            return;
        }
        DatagramChannel channel = (DatagramChannel) key.channel();
        RtpPacketListener listener = key.attachment() instanceof RtpPacketListener rtp ? rtp : null;
        while (true) {
            buffer.clear();
            if (channel.receive(buffer) == null) {
                return;
            }
            buffer.flip();
            if (listener == null) {
                rtcpPackets.incrementAndGet();
                if (key.attachment() instanceof RtcpListener rtcp) {
                    rtcp.onRtcp(buffer);
                }
                continue;
            }
            try {
                RtpHeader header = RtpHeader.parse(buffer);
                listener.onPacket(header, buffer, System.nanoTime());
            } catch (IllegalArgumentException notRtp) {
                malformed.incrementAndGet();
            }
        }
    }
}
