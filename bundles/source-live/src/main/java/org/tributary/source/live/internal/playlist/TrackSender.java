package org.tributary.source.live.internal.playlist;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.tributary.api.MediaException;
import org.tributary.api.MediaSample;
import org.tributary.api.Publication;
import org.tributary.rtp.Rtcp;
import org.tributary.rtp.RtpClock;
import org.tributary.rtp.RtpHeader;
import org.tributary.rtp.RtpTrack;
import org.tributary.rtp.SenderInfo;

/**
 * One track of a playlist broadcast: packetizes samples of every item into RTP packets under one
 * SSRC, with one sequence and one timestamp line running on from item to item, and writes its
 * sender reports. Used only by the player's thread.
 */
final class TrackSender {

    static final int NANOS_PER_SECOND = 1_000_000_000;
    private static final String CNAME = "tributary-playlist";
    private static final int VERSION_2 = 0x80;
    private static final int MARKER = 0x80;

    private final int index;
    private final int payloadType;
    private final int clockRate;
    private final int ssrc;
    private final long timestampBase;
    private final Publication publication;
    /** Reused for every packet: the publication reads a packet only during the call. */
    private ByteBuffer packet = ByteBuffer.allocate(RtpHeader.SIZE);
    private int sequence;
    private long timestamp;
    private long packets;
    private long octets;

    /**
     * @param index         the track's index in the broadcast
     * @param track         the track as the first item describes it
     * @param ssrc          the SSRC for the whole broadcast
     * @param firstSequence the first sequence number
     * @param timestampBase the RTP timestamp of the programme's start
     * @param publication   where the packets go
     */
    TrackSender(int index, RtpTrack track, int ssrc, int firstSequence, long timestampBase, Publication publication) {
        this.index = index;
        this.payloadType = track.format().payloadType();
        this.clockRate = track.format().clockRate();
        this.ssrc = ssrc;
        this.sequence = firstSequence;
        this.timestampBase = timestampBase;
        this.publication = publication;
    }

    /**
     * Sends one sample of an item.
     *
     * @param sample      the sample
     * @param track       its track as its item describes it (the item's timescale and packetizer)
     * @param offsetNanos the programme time at which the item started: the length of the items before it
     * @throws MediaException CORRUPT when the sample does not match its codec's layout; nothing was sent then
     */
    void send(MediaSample sample, RtpTrack track, long offsetNanos) throws MediaException {
        long ticks = RtpClock.convert(offsetNanos, NANOS_PER_SECOND, clockRate)
                + track.toRtpTime(sample.presentationTime());
        timestamp = (timestampBase + ticks) & 0xFFFF_FFFFL;
        track.format().packetizer().packetize(sample.data(), this::payload);
    }

    private void payload(ByteBuffer header, ByteBuffer body, boolean marker) {
        int length = RtpHeader.SIZE + header.remaining() + body.remaining();
        if (packet.capacity() < length) {
            packet = ByteBuffer.allocate(length);
        }
        packet.clear();
        packet.put((byte) VERSION_2).put((byte) ((marker ? MARKER : 0) | payloadType))
                .putShort((short) sequence).putInt((int) timestamp).putInt(ssrc);
        packet.put(header.duplicate()).put(body.duplicate()).flip();
        sequence = (sequence + 1) & 0xFFFF;
        packets++;
        octets += length - RtpHeader.SIZE;
        publication.rtp(index, packet);
    }

    /**
     * Sends a sender report mapping a wall-clock instant to the programme time being played then.
     *
     * @param programmeNanos the programme time now, since its start
     * @param ntpTimestamp   the wall-clock time now, as NTP
     */
    void report(long programmeNanos, long ntpTimestamp) {
        long rtp = (timestampBase + RtpClock.convert(programmeNanos, NANOS_PER_SECOND, clockRate)) & 0xFFFF_FFFFL;
        ByteBuf out = Unpooled.buffer(128);
        try {
            Rtcp.writeSenderReport(out, new SenderInfo(ssrc, ntpTimestamp, rtp, packets, octets), CNAME);
            publication.rtcp(index, out.nioBuffer());
        } finally {
            out.release();
        }
    }
}
