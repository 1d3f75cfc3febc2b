package org.tributary.itests.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The publisher's sending thread: {@code count} probe packets of {@code size} bytes, packet i due
 * at start + i × interval, so a late wake-up is caught up on and the average rate holds. Each
 * payload carries the {@link System#nanoTime()} read just before its send.
 */
final class PacedSender {

    private final DatagramChannel channel;
    private final int size;
    private final long count;
    private final long intervalNanos;
    private final long ssrc = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;
    private final Thread thread;
    private volatile long sent;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile long maxLatenessNanos;
    private volatile Throwable failure;

    /**
     * @param channel a blocking channel connected to the server's RTP port
     * @param size whole packet size in bytes, RTP header included
     * @param bitsPerSecond the rate counted on whole RTP packets
     * @param count how many packets to send
     */
    PacedSender(DatagramChannel channel, int size, double bitsPerSecond, long count) {
        if (size < ProbePacket.MIN_SIZE || bitsPerSecond <= 0 || count <= 0) {
            throw new IllegalArgumentException("cannot send " + count + " packets of " + size + " bytes at "
                    + bitsPerSecond + " bit/s");
        }
        this.channel = channel;
        this.size = size;
        this.count = count;
        this.intervalNanos = Math.round(size * 8 * 1e9 / bitsPerSecond);
        this.thread = new Thread(this::run, "live-bench-publisher");
        thread.setDaemon(true);
    }

    /** Returns how many packets of {@code size} bytes make {@code seconds} at {@code bitsPerSecond}. */
    static long packetsFor(double seconds, double bitsPerSecond, int size) {
        return Math.max(1, Math.round(seconds * bitsPerSecond / (size * 8.0)));
    }

    /** Starts sending. */
    void start() {
        thread.start();
    }

    /**
     * Waits until every packet was sent.
     *
     * @throws IOException when sending failed
     */
    void awaitDone() throws IOException, InterruptedException {
        thread.join();
        if (failure != null) {
            throw new IOException("the publisher stopped after " + sent + " packets", failure);
        }
    }

    /** Returns whether the thread ended, every packet sent or failed. */
    boolean isDone() {
        return thread.getState() == Thread.State.TERMINATED;
    }

    /** Returns the packets sent so far. */
    long sent() {
        return sent;
    }

    /** Returns the wall time from the first send to the end of the last, in seconds. */
    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    /** Returns how late the latest send was against its schedule, in milliseconds. */
    double maxLatenessMillis() {
        return maxLatenessNanos / 1e6;
    }

    private void run() {
        ByteBuffer packet = ByteBuffer.allocateDirect(size);
        long start = System.nanoTime();
        startNanos = start;
        try {
            for (long i = 0; i < count; i++) {
                long due = start + i * intervalNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                long now = System.nanoTime();
                maxLatenessNanos = Math.max(maxLatenessNanos, now - due);
                long timestamp = (now - start) * LivePublisher.CLOCK_RATE / 1_000_000_000L;
                ProbePacket.write(packet, size, LivePublisher.PAYLOAD_TYPE, ssrc, i, timestamp, now);
                channel.write(packet);
                sent = i + 1;
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            endNanos = System.nanoTime();
        }
    }
}
