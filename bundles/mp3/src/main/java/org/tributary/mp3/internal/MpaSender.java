package org.tributary.mp3.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.Codec;
import org.tributary.api.MediaException;
import org.tributary.api.MediaKind;
import org.tributary.api.Publication;
import org.tributary.api.TrackInfo;
import org.tributary.rtp.MpaPacketizer;
import org.tributary.rtp.NtpTime;
import org.tributary.rtp.PacketOut;
import org.tributary.rtp.PayloadFormats;
import org.tributary.rtp.PublicationOut;
import org.tributary.rtp.RtpClock;
import org.tributary.rtp.RtpSender;
import org.tributary.rtp.RtpTrack;
import org.tributary.rtp.SdpOrigin;
import org.tributary.rtp.SdpWriter;
import org.tributary.rtp.mpa.Mp3FrameHeader;

/**
 * A station's audio as the one MPA track (RFC 2250: payload type 14, 90 kHz clock) of a live publication: each
 * MP3 frame becomes an RTP packet (fragments, for a frame larger than a payload), stamped with the duration of the
 * frames before it, so the timestamps follow the audio whatever its sample rate; a sender report maps the wall
 * clock to the stream's time every few seconds. Not thread-safe: the thread that appends the station's audio
 * uses it.
 */
final class MpaSender {

    /** The one track's index in the publication. */
    static final int TRACK = 0;
    static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final String CNAME = "tributary-mp3";

    private static final Logger LOG = LoggerFactory.getLogger(MpaSender.class);
    private static final TrackInfo TRACK_INFO = new TrackInfo(1, MediaKind.AUDIO, Codec.MP3, 90_000, 0, 0, 0, 0, 0,
            new byte[0]);
    private static final RtpTrack RTP_TRACK = new RtpTrack(TRACK_INFO,
            PayloadFormats.forTrack(TRACK_INFO, MpaPacketizer.PAYLOAD_TYPE));
    private static final int CLOCK_RATE = RTP_TRACK.format().clockRate();

    private final LongSupplier nanoClock;
    private final Supplier<Instant> wallClock;
    private final RtpSender sender;
    private final PacketOut reports;
    /** RTP ticks of the frames before the current sample rate began. */
    private long ticksBefore;
    /** Samples (per channel) sent at the current sample rate. */
    private long samples;
    private int sampleRate;
    private long lastReportNanos;
    private boolean reported;

    /**
     * @param publication where the packets go
     * @param random      draws the SSRC, the first sequence number and the timestamp base
     * @param nanoClock   monotonic time, for the report interval
     * @param wallClock   the time sender reports give
     */
    MpaSender(Publication publication, Random random, LongSupplier nanoClock, Supplier<Instant> wallClock) {
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        int ssrc = random.nextInt();
        int firstSequence = random.nextInt(0x10000);
        long timestampBase = random.nextInt() & 0xFFFF_FFFFL;
        this.sender = new RtpSender(MpaPacketizer.PAYLOAD_TYPE, ssrc, firstSequence, timestampBase, CNAME,
                PublicationOut.rtp(publication, TRACK));
        this.reports = PublicationOut.rtcp(publication, TRACK);
    }

    /** @return the session description to publish a station with: one MPA track */
    static String sdp(String name) {
        return SdpWriter.write(new SdpOrigin(System.currentTimeMillis(), 1, "0.0.0.0"), name, Double.NaN,
                List.of(RTP_TRACK));
    }

    /**
     * Sends frames, then a sender report when one is due.
     *
     * @param frames whole MP3 frames back to back; consumed
     */
    void frames(ByteBuffer frames) {
        while (frames.remaining() >= Mp3FrameHeader.SIZE) {
            Mp3FrameHeader header = Mp3FrameHeader.parse(frames.getInt(frames.position()));
            if (header == null || header.frameSize() > frames.remaining()) {
                // the station holds only whole frames checked on the way in: nothing else can come
                LOG.debug("MPA sender: {} bytes that are not a whole frame skipped", frames.remaining());
                break;
            }
            send(frames.slice(frames.position(), header.frameSize()), header);
            frames.position(frames.position() + header.frameSize());
        }
        long now = nanoClock.getAsLong();
        if (sender.packets() > 0 && (!reported || now - lastReportNanos >= REPORT_INTERVAL_NANOS)) {
            report();
            reported = true;
            lastReportNanos = now;
        }
    }

    private void send(ByteBuffer frame, Mp3FrameHeader header) {
        if (header.sampleRate() != sampleRate) {
            ticksBefore += sampleRate == 0 ? 0 : RtpClock.convert(samples, sampleRate, CLOCK_RATE);
            samples = 0;
            sampleRate = header.sampleRate();
        }
        sender.stamp(ticks());
        try {
            RTP_TRACK.format().packetizer().packetize(frame, sender);
        } catch (MediaException e) {
            LOG.debug("MPA sender: frame not sent: {}", e.getMessage());
        }
        samples += header.samplesPerFrame();
    }

    /** @return the stream time of the next frame, in RTP ticks: the duration of every frame sent */
    private long ticks() {
        return ticksBefore + (sampleRate == 0 ? 0 : RtpClock.convert(samples, sampleRate, CLOCK_RATE));
    }

    /** Maps now to the end of the audio sent: the source sends in real time, so that is what plays now. */
    private void report() {
        sender.senderReport(NtpTime.fromInstant(wallClock.get()), ticks(), reports);
    }
}
