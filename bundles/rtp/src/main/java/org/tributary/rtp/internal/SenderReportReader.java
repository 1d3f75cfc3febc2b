package org.tributary.rtp.internal;

import java.nio.ByteBuffer;

import org.tributary.rtp.MalformedRtpException;
import org.tributary.rtp.SenderReportHandler;

/**
 * Reads the Sender Reports (RFC 3550 section 6.4.1) of a compound RTCP packet a publisher sent. Unlike
 * {@link RtcpCompoundParser} it is strict: the whole compound is checked first, so a broken one
 * delivers nothing and its cause is named.
 */
public final class SenderReportReader {

    /** Header with the sender's SSRC, then NTP (8), RTP timestamp, packet and octet counts. */
    private static final int SR_MIN_LENGTH = 28;

    private SenderReportReader() {
    }

    /**
     * @param compound the packet from its position to its limit; not modified
     * @param handler  called for every sender report, in order
     * @throws MalformedRtpException when a packet's version or length does not fit
     */
    public static void read(ByteBuffer compound, SenderReportHandler handler) throws MalformedRtpException {
        int start = compound.position();
        int end = compound.limit();
        if (start == end) {
            throw new MalformedRtpException("empty RTCP packet");
        }
        int checked = start;
        while (checked < end) {
            checked += length(compound, checked, end);
        }
        for (int at = start; at < end; at += length(compound, at, end)) {
            if ((compound.get(at + 1) & 0xff) == RtcpCompoundParser.SENDER_REPORT) {
                handler.senderReport(compound.getLong(at + 8), compound.getInt(at + 16) & 0xffffffffL);
            }
        }
    }

    private static int length(ByteBuffer p, int at, int end) throws MalformedRtpException {
        if (at + 4 > end) {
            throw new MalformedRtpException("RTCP packet header beyond the compound's end");
        }
        if ((p.get(at) & 0xff) >> 6 != 2) {
            throw new MalformedRtpException("RTCP version " + ((p.get(at) & 0xff) >> 6) + " instead of 2");
        }
        int length = 4 * ((p.getShort(at + 2) & 0xffff) + 1);
        if (at + length > end) {
            throw new MalformedRtpException("RTCP packet of " + length + " bytes beyond the compound's end");
        }
        if ((p.get(at + 1) & 0xff) == RtcpCompoundParser.SENDER_REPORT && length < SR_MIN_LENGTH) {
            throw new MalformedRtpException("RTCP sender report of " + length + " bytes, shorter than 28");
        }
        return length;
    }
}
