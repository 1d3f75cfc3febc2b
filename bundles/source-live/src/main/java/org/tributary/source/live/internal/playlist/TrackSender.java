package org.tributary.source.live.internal.playlist;

import org.tributary.api.MediaException;
import org.tributary.api.MediaSample;
import org.tributary.api.Publication;
import org.tributary.rtp.PacketOut;
import org.tributary.rtp.PublicationOut;
import org.tributary.rtp.RtpClock;
import org.tributary.rtp.RtpSender;
import org.tributary.rtp.RtpTrack;

/**
 * One track of a playlist broadcast: packetizes samples of every item into RTP packets under one
 * SSRC, with one sequence and one timestamp line running on from item to item, and writes its
 * sender reports. Used only by the player's thread.
 */
final class TrackSender {

    static final int NANOS_PER_SECOND = 1_000_000_000;
    private static final String CNAME = "tributary-playlist";

    private final int clockRate;
    private final RtpSender sender;
    private final PacketOut reports;

    /**
     * @param index         the track's index in the broadcast
     * @param track         the track as the first item describes it
     * @param ssrc          the SSRC for the whole broadcast
     * @param firstSequence the first sequence number
     * @param timestampBase the RTP timestamp of the programme's start
     * @param publication   where the packets go
     */
    TrackSender(int index, RtpTrack track, int ssrc, int firstSequence, long timestampBase, Publication publication) {
        this.clockRate = track.format().clockRate();
        this.sender = new RtpSender(track.format().payloadType(), ssrc, firstSequence, timestampBase, CNAME,
                PublicationOut.rtp(publication, index));
        this.reports = PublicationOut.rtcp(publication, index);
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
        sender.stamp(ticks(offsetNanos) + track.toRtpTime(sample.presentationTime()));
        track.format().packetizer().packetize(sample.data(), sender);
    }

    /**
     * Sends a sender report mapping a wall-clock instant to the programme time being played then.
     *
     * @param programmeNanos the programme time now, since its start
     * @param ntpTimestamp   the wall-clock time now, as NTP
     */
    void report(long programmeNanos, long ntpTimestamp) {
        sender.senderReport(ntpTimestamp, ticks(programmeNanos), reports);
    }

    private long ticks(long programmeNanos) {
        return RtpClock.convert(programmeNanos, NANOS_PER_SECOND, clockRate);
    }
}
