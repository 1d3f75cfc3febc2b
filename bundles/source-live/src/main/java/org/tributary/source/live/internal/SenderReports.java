package org.tributary.source.live.internal;

import java.nio.ByteBuffer;

/** Reads the sender reports (RFC 3550 section 6.4.1) out of an RTCP compound packet. */
final class SenderReports {

    /** Receives each sender report's clock mapping. */
    interface Handler {
        void senderReport(long ntpTimestamp, long rtpTimestamp);
    }

    private static final int SR = 200;
    /** Header with the sender's SSRC, then NTP (8), RTP timestamp, packet and octet counts. */
    private static final int SR_MIN_LENGTH = 28;

    private SenderReports() {
    }

    /**
     * Checks the whole compound first, so a broken one delivers nothing.
     *
     * @param compound the packet from its position to its limit; not modified
     * @param handler  called for every sender report, in order
     * @throws MalformedPacketException when a packet's version or length does not fit
     */
    static void read(ByteBuffer compound, Handler handler) throws MalformedPacketException {
        int start = compound.position();
        int end = compound.limit();
        if (start == end) {
            throw new MalformedPacketException("empty RTCP packet");
        }
        int checked = start;
        while (checked < end) {
            checked += length(compound, checked, end);
        }
        for (int at = start; at < end; at += length(compound, at, end)) {
            if ((compound.get(at + 1) & 0xff) == SR) {
                handler.senderReport(compound.getLong(at + 8), compound.getInt(at + 16) & 0xffffffffL);
            }
        }
    }

    private static int length(ByteBuffer p, int at, int end) throws MalformedPacketException {
        if (at + 4 > end) {
            throw new MalformedPacketException("RTCP packet header beyond the compound's end");
        }
        if ((p.get(at) & 0xff) >> 6 != 2) {
            throw new MalformedPacketException("RTCP version " + ((p.get(at) & 0xff) >> 6) + " instead of 2");
        }
        int length = 4 * ((p.getShort(at + 2) & 0xffff) + 1);
        if (at + length > end) {
            throw new MalformedPacketException("RTCP packet of " + length + " bytes beyond the compound's end");
        }
        if ((p.get(at + 1) & 0xff) == SR && length < SR_MIN_LENGTH) {
            throw new MalformedPacketException("RTCP sender report of " + length + " bytes, shorter than 28");
        }
        return length;
    }
}
