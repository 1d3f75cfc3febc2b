package org.tributary.rtp.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.tributary.rtp.ReportBlock;
import org.tributary.rtp.RtcpFeedback;

/**
 * Reads the report blocks and BYE of a received compound RTCP packet (RFC 3550 section 6).
 * <p>
 * The input is untrusted: each packet's length field is checked against what is left of the
 * buffer and its report count against its length. Parsing stops at the first packet that fails a
 * check and keeps what came before it; unknown packet types (APP, feedback, XR…) are skipped.
 * Nothing here throws.
 */
public final class RtcpCompoundParser {

    /** Packet type of a Sender Report. */
    public static final int SENDER_REPORT = 200;
    /** Packet type of a Receiver Report. */
    public static final int RECEIVER_REPORT = 201;
    /** Packet type of a BYE. */
    public static final int BYE = 203;

    private static final int COMMON_HEADER_SIZE = 4;
    private static final int RECEIVER_REPORT_HEADER_SIZE = 8;
    private static final int SENDER_REPORT_HEADER_SIZE = 28;
    private static final int REPORT_BLOCK_SIZE = 24;

    private RtcpCompoundParser() {
    }

    /**
     * @param compound the packet from its position to its limit; neither is moved
     * @return the feedback read before the first malformed packet, possibly empty
     */
    public static RtcpFeedback parse(ByteBuffer compound) {
        List<ReportBlock> reports = new ArrayList<>();
        boolean bye = false;
        int at = compound.position();
        int end = compound.limit();
        while (end - at >= COMMON_HEADER_SIZE) {
            int first = compound.get(at) & 0xFF;
            int type = compound.get(at + 1) & 0xFF;
            int size = ((compound.getShort(at + 2) & 0xFFFF) + 1) * 4;
            if ((first >> 6) != 2 || size > end - at) {
                break;
            }
            int count = first & 0x1F;
            if (type == SENDER_REPORT || type == RECEIVER_REPORT) {
                int blocksAt = at + (type == SENDER_REPORT ? SENDER_REPORT_HEADER_SIZE : RECEIVER_REPORT_HEADER_SIZE);
                if (blocksAt + count * REPORT_BLOCK_SIZE > at + size) {
                    break;
                }
                for (int i = 0; i < count; i++) {
                    reports.add(readBlock(compound, blocksAt + i * REPORT_BLOCK_SIZE));
                }
            } else if (type == BYE) {
                bye = true;
            }
            at += size;
        }
        return reports.isEmpty() && !bye ? RtcpFeedback.EMPTY : new RtcpFeedback(reports, bye);
    }

    private static ReportBlock readBlock(ByteBuffer in, int at) {
        // cumulative lost is a signed 24-bit field: shift it to the top, then back with sign extension
        int cumulativeLost = (in.getInt(at + 4) << 8) >> 8;
        return new ReportBlock(in.getInt(at), in.get(at + 4) & 0xFF, cumulativeLost,
                unsigned(in, at + 8), unsigned(in, at + 12), unsigned(in, at + 16), unsigned(in, at + 20));
    }

    private static long unsigned(ByteBuffer in, int at) {
        return in.getInt(at) & 0xFFFF_FFFFL;
    }
}
