package org.tributary.rtsp.internal;

import java.time.Instant;

import org.tributary.rtp.NtpTime;

/**
 * The NTP time of RTCP sender reports, taken from the monotonic clock the pump paces with. Wall
 * clock corrections (NTP slewing or steps) between two reports would otherwise move the report's
 * NTP-to-RTP mapping against the timestamps already sent, and a receiver that re-bases on each
 * report would see frames jump.
 */
final class SenderClock {

    private static final long ANCHOR_NTP = NtpTime.fromInstant(Instant.now());
    private static final long ANCHOR_NANOS = System.nanoTime();

    private SenderClock() {
    }

    /** @return now as a 64-bit NTP timestamp, moving exactly with {@link System#nanoTime()} */
    static long ntpNow() {
        return ntpAt(System.nanoTime());
    }

    /** @return the 64-bit NTP timestamp of a {@link System#nanoTime()} reading */
    static long ntpAt(long nanos) {
        long elapsed = nanos - ANCHOR_NANOS;
        long seconds = elapsed / 1_000_000_000L;
        long fraction = ((elapsed % 1_000_000_000L) << 32) / 1_000_000_000L;
        return ANCHOR_NTP + (seconds << 32) + fraction;
    }
}
