package org.tributary.rtp;

import java.nio.ByteBuffer;

/**
 * The sending side of one RTP stream (RFC 3550): its SSRC, the sequence running on packet after packet,
 * the timestamp line from a random base, the packet and octet counts, and the RTCP a sender sends about
 * it (Sender Reports, BYE). As a {@link PayloadSink} it turns each payload a packetizer cuts into one
 * RTP packet written into its {@link PacketOut}. Not thread-safe: one thread (or event loop) sends.
 */
public final class RtpSender implements PayloadSink {

    private static final long LOW_32_BITS = 0xFFFF_FFFFL;

    private final int payloadType;
    private final int ssrc;
    private final long timestampBase;
    private final String cname;
    private final PacketOut media;
    private int sequence;
    private long timestamp;
    private long packets;
    private long octets;

    /**
     * @param payloadType   the payload type of every packet, 0..127
     * @param ssrc          the stream's synchronization source
     * @param firstSequence the first packet's sequence number; only its low 16 bits count
     * @param timestampBase the RTP timestamp of the stream's time zero
     * @param cname         the canonical name the sender's RTCP gives, 1..255 bytes in UTF-8
     * @param media         where the RTP packets go
     * @throws IllegalArgumentException when the payload type is outside 0..127 or the CNAME has a bad length
     */
    public RtpSender(int payloadType, int ssrc, int firstSequence, long timestampBase, String cname,
                     PacketOut media) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type " + payloadType + " is outside 0..127");
        }
        Rtcp.senderReportSize(cname);
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.sequence = firstSequence & 0xFFFF;
        this.timestampBase = timestampBase;
        this.cname = cname;
        this.media = media;
        this.timestamp = rtpTime(0);
    }

    /**
     * Sets the timestamp of the packets that follow.
     *
     * @param ticks the stream's time of their sample, in RTP clock ticks since its time zero
     */
    public void stamp(long ticks) {
        timestamp = rtpTime(ticks);
    }

    /**
     * @param ticks the stream's time in RTP clock ticks since its time zero
     * @return the RTP timestamp of that time: the base plus the ticks, in 32 bits
     */
    public long rtpTime(long ticks) {
        return (timestampBase + ticks) & LOW_32_BITS;
    }

    /** Sends one RTP packet of the current timestamp and the next sequence number; consumes both buffers. */
    @Override
    public void payload(ByteBuffer header, ByteBuffer body, boolean marker) {
        int payload = header.remaining() + body.remaining();
        ByteBuffer packet = media.claim(RtpHeader.SIZE + payload);
        RtpHeader.write(packet, marker, payloadType, sequence, timestamp, ssrc);
        packet.put(header).put(body);
        sequence = (sequence + 1) & 0xFFFF;
        packets++;
        octets += payload;
        media.send();
    }

    /**
     * Sends a Sender Report with an SDES CNAME.
     *
     * @param ntpTimestamp the wall-clock time of the report, see {@link NtpTime}
     * @param ticks        the stream's time that plays at that instant, in RTP ticks since its time zero
     * @param out          where the RTCP compound goes
     */
    public void senderReport(long ntpTimestamp, long ticks, PacketOut out) {
        Rtcp.writeSenderReport(out.claim(Rtcp.senderReportSize(cname)), senderInfo(ntpTimestamp, ticks), cname);
        out.send();
    }

    /**
     * Sends a final Sender Report, an SDES CNAME and a BYE.
     *
     * @param ntpTimestamp the wall-clock time of the report, see {@link NtpTime}
     * @param ticks        the stream's time that plays at that instant, in RTP ticks since its time zero
     * @param reason       why the stream ends, up to 255 bytes in UTF-8, or null
     * @param out          where the RTCP compound goes
     */
    public void bye(long ntpTimestamp, long ticks, String reason, PacketOut out) {
        Rtcp.writeBye(out.claim(Rtcp.byeSize(cname, reason)), senderInfo(ntpTimestamp, ticks), cname, reason);
        out.send();
    }

    /** @return the stream's state at an instant, as a Sender Report gives it */
    public SenderInfo senderInfo(long ntpTimestamp, long ticks) {
        return new SenderInfo(ssrc, ntpTimestamp, rtpTime(ticks), packets, octets);
    }

    /** @return the stream's synchronization source */
    public int ssrc() {
        return ssrc;
    }

    /** @return the sequence number the next packet takes */
    public int nextSequence() {
        return sequence;
    }

    /** @return RTP packets sent so far */
    public long packets() {
        return packets;
    }

    /** @return payload octets sent so far (RTP headers excluded) */
    public long octets() {
        return octets;
    }
}
