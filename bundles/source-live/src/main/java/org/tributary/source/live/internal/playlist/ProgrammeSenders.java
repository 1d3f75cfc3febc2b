package org.tributary.source.live.internal.playlist;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.tributary.api.MediaException;
import org.tributary.api.MediaSample;
import org.tributary.api.Publication;
import org.tributary.rtp.NtpTime;
import org.tributary.rtp.RtpTrack;

/**
 * The RTP senders of one playlist broadcast, one per track, with random SSRCs, first sequence numbers
 * and timestamp bases, and their RTCP sender reports every {@link #REPORT_INTERVAL_NANOS}. Not
 * thread-safe: the playlist's player owns it.
 */
final class ProgrammeSenders {

    static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final TrackSender[] senders;
    private long lastReportNanos;
    private boolean reported;

    /**
     * @param tracks      the broadcast's tracks, as its SDP describes them
     * @param random      draws SSRCs, first sequence numbers and timestamp bases
     * @param publication where the packets go
     */
    ProgrammeSenders(List<RtpTrack> tracks, Random random, Publication publication) {
        senders = new TrackSender[tracks.size()];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = new TrackSender(i, tracks.get(i), random.nextInt(), random.nextInt(1 << 16),
                    random.nextLong(1L << 32), publication);
        }
    }

    /** Sends a sample of broadcast track {@code index}; see {@link TrackSender#send}. */
    void send(int index, MediaSample sample, RtpTrack track, long offsetNanos) throws MediaException {
        senders[index].send(sample, track, offsetNanos);
    }

    /**
     * Sends sender reports when the interval has passed since the last ones (and on the first call).
     *
     * @param now            the clock reading
     * @param programmeNanos the programme time now
     */
    void report(long now, long programmeNanos) {
        if (reported && now - lastReportNanos < REPORT_INTERVAL_NANOS) {
            return;
        }
        reported = true;
        lastReportNanos = now;
        long ntp = NtpTime.fromInstant(Instant.now());
        for (TrackSender sender : senders) {
            sender.report(programmeNanos, ntp);
        }
    }
}
