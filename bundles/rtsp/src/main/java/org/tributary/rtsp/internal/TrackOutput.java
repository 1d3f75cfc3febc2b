package org.tributary.rtsp.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import org.tributary.api.MediaSample;
import org.tributary.api.ReceptionStats;
import org.tributary.api.TrackInfo;
import org.tributary.api.MediaException;
import org.tributary.rtp.PayloadFormat;
import org.tributary.rtp.PayloadSink;
import org.tributary.rtp.ReportBlock;
import org.tributary.rtp.Rtcp;
import org.tributary.rtp.RtpClock;
import org.tributary.rtp.RtpHeader;
import org.tributary.rtp.RtpTrack;
import org.tributary.rtp.SenderInfo;

/**
 * One set-up track of one session: the RTP state a client sees (SSRC, sequence numbers,
 * timestamp base), the counters for sender reports, and what the client reported back.
 * Called only under the owning session's lock, except {@link #readyForFrame} (the publishing thread, any time),
 * {@link #fanout} and the flush calls of the loop's {@link LoopFanout}.
 */
final class TrackOutput implements PayloadSink {

    private static final String CNAME = "tributary";
    /** Bytes a viewer may have waiting on its loop's fan-out before it loses the next whole frame. */
    static final long MAX_FANOUT_BACKLOG = 512 * 1024;

    private final int trackId;
    private final TrackInfo track;
    private final PayloadFormat format;
    private final MediaTransport transport;
    private final String controlUrl;
    private final int ssrc;
    private final long timestampBase;
    private int sequence;
    private final int firstSequence;
    /** Packets the client expected by its last report (RFC 3550 A.3); 0 before one. */
    private long expected;
    private long packets;
    private long octets;
    /** Counted by the thread that feeds the track, read by management. */
    private volatile long droppedFrames;
    /** Bytes of copies queued on the loop's fan-out and not yet relayed: any thread adds, the loop takes. */
    private final AtomicLong fanoutBacklog = new AtomicLong();
    private long currentTimestamp;
    private ReceptionStats reception = ReceptionStats.NONE;

    private boolean relayStarted;
    private int relaySequenceOffset;
    private long relayTimestampOffset;
    /** The transport's loop's fan-out; looked up once, by whichever publishing thread comes first. */
    private LoopFanout fanout;
    /** Whether the loop's fan-out has this output on its list to flush; only the loop touches it. */
    private boolean flushQueued;

    TrackOutput(RtpTrack rtpTrack, MediaTransport transport, String controlUrl) {
        this(rtpTrack.track().id(), rtpTrack, transport, controlUrl);
    }

    /** A track of a live broadcast: packets are relayed, not packetized (see {@link #relay}). */
    TrackOutput(int trackId, MediaTransport transport, String controlUrl) {
        this(trackId, null, transport, controlUrl);
    }

    private TrackOutput(int trackId, RtpTrack rtpTrack, MediaTransport transport, String controlUrl) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.trackId = trackId;
        this.track = rtpTrack == null ? null : rtpTrack.track();
        this.format = rtpTrack == null ? null : rtpTrack.format();
        this.transport = transport;
        this.controlUrl = controlUrl;
        this.ssrc = random.nextInt();
        this.timestampBase = random.nextLong(1L << 32);
        this.sequence = random.nextInt(1 << 16);
        this.firstSequence = sequence;
    }

    int trackId() {
        return trackId;
    }

    MediaTransport transport() {
        return transport;
    }

    String controlUrl() {
        return controlUrl;
    }

    int ssrc() {
        return ssrc;
    }

    int nextSequence() {
        return sequence & 0xFFFF;
    }

    /** @return the RTP timestamp of a media time in seconds */
    long rtpTime(double seconds) {
        long ticks = Math.round(seconds * format.clockRate());
        return (timestampBase + ticks) & 0xFFFFFFFFL;
    }

    /** Packetizes and queues one sample; a client that is not keeping up loses whole frames. */
    void send(MediaSample sample) throws MediaException {
        if (!transport.writable()) {
            droppedFrames++;
            return;
        }
        long ticks = RtpClock.convert(sample.presentationTime(), track.timescale(), format.clockRate());
        currentTimestamp = (timestampBase + ticks) & 0xFFFFFFFFL;
        format.packetizer().packetize(sample.data(), this);
    }

    @Override
    public void payload(ByteBuffer header, ByteBuffer body, boolean marker) {
        int length = RtpHeader.SIZE + header.remaining() + body.remaining();
        ByteBuf packet = transport.alloc().ioBuffer(length);
        RtpHeader.write(packet, marker, format.payloadType(), sequence & 0xFFFF, currentTimestamp, ssrc);
        // the packetizer's views are ours to consume (PayloadSink): no duplicate per packet
        append(packet, header);
        append(packet, body);
        sequence++;
        packets++;
        octets += length - RtpHeader.SIZE;
        transport.sendRtp(packet);
    }

    /**
     * Copies {@code bytes} to the end of {@code packet}. From an array when the bytes sit in one: Netty's
     * pooled buffers copy a {@code ByteBuffer} through a new NIO view of themselves, one allocation per packet.
     */
    private static void append(ByteBuf packet, ByteBuffer bytes) {
        if (bytes.hasArray()) {
            packet.writeBytes(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        } else if (bytes.hasRemaining()) {
            packet.writeBytes(bytes);
        }
    }

    /**
     * Whether a new frame of the relayed stream may start: not when the client is not keeping up, and
     * then the frame is counted as dropped (the broadcast skips all of it).
     */
    boolean readyForFrame() {
        // copies waiting for the loop are not in the channel yet, so its writability alone cannot see them
        if (transport.writable() && fanoutBacklog.get() < MAX_FANOUT_BACKLOG) {
            return true;
        }
        droppedFrames++;
        return false;
    }

    /** Counts a copy queued on the loop's fan-out ({@code bytes} positive) or relayed from it (negative). */
    void fanoutBacklog(long bytes) {
        fanoutBacklog.addAndGet(bytes);
    }

    /** @return the fan-out of the loop this output's transport writes on */
    LoopFanout fanout() {
        LoopFanout known = fanout;
        if (known == null) {
            known = LoopFanout.of(transport.executor());
            fanout = known;
        }
        return known;
    }

    /**
     * Relays a broadcast's packet under this viewer's SSRC, with sequence numbers and timestamps
     * shifted so that the viewer's stream starts at its own random origin. Without copying the media:
     * the outgoing packet is this viewer's own 12-byte header followed by a slice of the shared packet,
     * which the broadcast never changes, as the second part of a composite buffer. Queued, not flushed:
     * runs on the transport's loop, whose fan-out flushes once all its viewers are served.
     *
     * @param shared the whole packet, from its reader index; not modified
     */
    void relay(ByteBuf shared) {
        int at = shared.readerIndex();
        int length = shared.readableBytes();
        int sequenceIn = shared.getUnsignedShort(at + 2);
        long timestampIn = shared.getUnsignedInt(at + 4);
        if (!relayStarted) {
            relayStarted = true;
            relaySequenceOffset = sequence - sequenceIn;
            relayTimestampOffset = timestampBase - timestampIn;
        }
        currentTimestamp = (timestampIn + relayTimestampOffset) & 0xFFFFFFFFL;
        ByteBuf header = transport.alloc().ioBuffer(RtpHeader.SIZE)
                .writeByte(shared.getByte(at))
                .writeByte(shared.getByte(at + 1))
                .writeShort((sequenceIn + relaySequenceOffset) & 0xFFFF)
                .writeInt((int) currentTimestamp)
                .writeInt(ssrc);
        ByteBuf rest = shared.retainedSlice(at + RtpHeader.SIZE, length - RtpHeader.SIZE);
        CompositeByteBuf out = transport.alloc().compositeDirectBuffer(2).addComponents(true, header, rest);
        sequence = (sequenceIn + relaySequenceOffset + 1) & 0xFFFF;
        packets++;
        octets += length - RtpHeader.SIZE;
        transport.sendRtp(out);
    }

    /** @return true when the relayed packets were not yet due for a flush: the caller flushes them later */
    boolean queueFlush() {
        boolean first = !flushQueued;
        flushQueued = true;
        return first;
    }

    /** Sends the relayed packets queued since the last flush. */
    void flushRelayed() {
        flushQueued = false;
        transport.flush();
    }

    /** Relays the publisher's clock mapping, in this viewer's timestamps, once packets flow. */
    void relayReport(long ntpTimestamp, long publisherRtpTimestamp) {
        if (!relayStarted) {
            return;
        }
        ByteBuf out = transport.alloc().ioBuffer(128);
        long rtp = (publisherRtpTimestamp + relayTimestampOffset) & 0xFFFFFFFFL;
        Rtcp.writeSenderReport(out, new SenderInfo(ssrc, ntpTimestamp, rtp, packets, octets), CNAME);
        transport.sendRtcp(out);
    }

    /** Tells the client a relayed stream ended (RTCP BYE after a report on the last timestamp). */
    void sendRelayBye() {
        ByteBuf out = transport.alloc().ioBuffer(128);
        Rtcp.writeBye(out, new SenderInfo(ssrc, SenderClock.ntpNow(), currentTimestamp, packets, octets),
                CNAME, "end of stream");
        transport.sendRtcp(out);
    }

    /** Sends an RTCP sender report stating which media time is being played at an instant. */
    void sendReport(ReportInstant instant) {
        ByteBuf out = transport.alloc().ioBuffer(128);
        Rtcp.writeSenderReport(out, senderInfo(instant), CNAME);
        transport.sendRtcp(out);
    }

    private SenderInfo senderInfo(ReportInstant instant) {
        return new SenderInfo(ssrc, instant.ntp(), rtpTime(instant.mediaSeconds()), packets, octets);
    }

    /**
     * Tells the client this stream ended: an RTCP BYE after a last sender report stating, like
     * {@link #sendReport}, which media time is being played at an instant.
     */
    void sendBye(ReportInstant instant) {
        ByteBuf out = transport.alloc().ioBuffer(128);
        Rtcp.writeBye(out, senderInfo(instant), CNAME, "end of stream");
        transport.sendRtcp(out);
    }

    /** Takes a receiver report block about this track's SSRC, arrived at {@code arrivalNtp}. */
    void onReport(ReportBlock block, long arrivalNtp) {
        long reports = reception.reports() + 1;
        // a relayed track's clock rate is the publisher's business: its jitter stays in the report, not in ms
        double jitter = format == null ? Double.NaN : block.jitterMillis(format.clockRate());
        expected = Math.max(0, block.extendedHighestSequence() - firstSequence + 1);
        double lossPercent = expected <= 0 ? 0 : Math.max(0, 100.0 * block.cumulativeLost() / expected);
        reception = new ReceptionStats(reports, block.cumulativeLost(), block.fractionLostRatio(), jitter,
                lossPercent, roundTripMillis(block, arrivalNtp));
    }

    /** RFC 3550 section 6.4.1: arrival - LSR - DLSR, all in 1/65536 s; NaN before the client saw a report. */
    private static double roundTripMillis(ReportBlock block, long arrivalNtp) {
        if (block.lastSenderReport() == 0) {
            return Double.NaN;
        }
        long arrival = (arrivalNtp >>> 16) & 0xFFFFFFFFL;
        long roundTrip = (arrival - block.lastSenderReport() - block.delaySinceLastSenderReport()) & 0xFFFFFFFFL;
        // a clock step or a forged report gives a wrapped, huge value: not a round trip
        return roundTrip > 0x7FFFFFFFL ? Double.NaN : roundTrip * 1000.0 / 65536.0;
    }

    long expectedPackets() {
        return expected;
    }

    ReceptionStats reception() {
        return reception;
    }

    long packets() {
        return packets;
    }

    long octets() {
        return octets;
    }

    long droppedFrames() {
        return droppedFrames;
    }
}
