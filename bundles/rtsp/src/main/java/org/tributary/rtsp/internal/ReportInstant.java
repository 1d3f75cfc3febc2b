package org.tributary.rtsp.internal;

/**
 * One instant as an RTCP sender report states it (RFC 3550 section 6.4.1): the media time being played
 * and the NTP time, both from the same reading of the monotonic clock. Read apart, a thread paused in
 * between (a busy machine, a collection) would shift the report's NTP-to-RTP mapping by the pause,
 * and receivers that re-base on each report would see frames jump back.
 *
 * @param mediaSeconds the media time being played at that instant
 * @param ntp          the 64-bit NTP time of that instant
 */
record ReportInstant(double mediaSeconds, long ntp) {

    /** @return the instant {@code nanos} ({@link System#nanoTime()}) at which {@code mediaSeconds} plays */
    static ReportInstant at(long nanos, double mediaSeconds) {
        return new ReportInstant(mediaSeconds, SenderClock.ntpAt(nanos));
    }
}
