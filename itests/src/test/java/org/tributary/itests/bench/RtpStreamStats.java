package org.tributary.itests.bench;

import org.tributary.itests.support.RtpHeader;

/**
 * Reception statistics of one RTP stream as a receiver computes them for its reports
 * (RFC 3550 §6.4.1 and appendix A.1, A.8): packets and bytes received, packets expected from
 * the extended highest sequence number, and the interarrival jitter. The receiver thread
 * writes it while the benchmark thread reads it, hence the synchronized methods.
 */
final class RtpStreamStats {

    /** A forward jump larger than this is not counted as loss (RFC 3550 A.1 MAX_DROPOUT). */
    private static final int MAX_DROPOUT = 3000;

    private final String media;
    private final int clockRate;
    private long received;
    private long bytes;
    private int baseSequence;
    private int maxSequence;
    private long cycles;
    private long firstTimestamp;
    private long furthestTimestampStep;
    private double previousTransit;
    private double jitter;
    private long lastArrivalNanos;

    /** Statistics for a {@code media} stream ("video", "audio") whose RTP clock runs at {@code clockRate} Hz. */
    RtpStreamStats(String media, int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("RTP clock rate " + clockRate + " must be positive");
        }
        this.media = media;
        this.clockRate = clockRate;
    }

    /** Returns the media kind from the SDP {@code m=} line. */
    String media() {
        return media;
    }

    /**
     * Accounts one packet.
     *
     * @param header its parsed RTP header
     * @param size its size in bytes, header included
     * @param arrivalNanos its arrival on a monotonic clock ({@link System#nanoTime()})
     */
    synchronized void onPacket(RtpHeader header, int size, long arrivalNanos) {
        int sequence = header.sequence();
        double arrival = arrivalNanos * (clockRate / 1e9);
        if (received == 0) {
            baseSequence = sequence;
            maxSequence = sequence;
            firstTimestamp = header.timestamp();
        } else {
            int step = (sequence - maxSequence) & 0xFFFF;
            if (step > 0 && step < MAX_DROPOUT) {
                if (sequence < maxSequence) {
                    cycles += 1 << 16;
                }
                maxSequence = sequence;
            }
            // D(i,j) = (Rj - Ri) - (Sj - Si) in timestamp units; a timestamp wrap makes |D| ~2^32: skip that one
            double transit = arrival - header.timestamp();
            double d = transit - previousTransit;
            if (Math.abs(d) < (1L << 31)) {
                jitter += (Math.abs(d) - jitter) / 16;
            }
        }
        previousTransit = arrival - header.timestamp();
        furthestTimestampStep = Math.max(furthestTimestampStep, (int) (header.timestamp() - firstTimestamp));
        received++;
        bytes += size;
        lastArrivalNanos = arrivalNanos;
    }

    /** Returns the packets received (duplicates included, as RFC 3550 counts them). */
    synchronized long received() {
        return received;
    }

    /** Returns the bytes received. */
    synchronized long bytes() {
        return bytes;
    }

    /** Returns the packets expected: extended highest sequence number minus the first, plus one. */
    synchronized long expected() {
        return received == 0 ? 0 : cycles + maxSequence - baseSequence + 1;
    }

    /** Returns the packets lost (expected minus received; negative with duplicates). */
    synchronized long lost() {
        return expected() - received;
    }

    /** Returns the interarrival jitter in milliseconds. */
    synchronized double jitterMillis() {
        return jitter * 1000.0 / clockRate;
    }

    /** Returns how much media time the packets spanned, from the first timestamp to the furthest. */
    synchronized double mediaSeconds() {
        return (double) furthestTimestampStep / clockRate;
    }

    /** Returns the arrival time of the last packet, or 0 before the first. */
    synchronized long lastArrivalNanos() {
        return lastArrivalNanos;
    }
}
