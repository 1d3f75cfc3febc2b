package org.tributary.rtp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.netty.buffer.ByteBuf;
import org.tributary.rtp.internal.RtcpCompoundParser;

/**
 * RTCP for a media sender (RFC 3550 section 6): the compound packets it sends and the receiver
 * feedback it reads.
 * <p>
 * Every compound written here starts with a report and carries an SDES CNAME, as RFC 3550 6.1
 * requires. Writers append at the writer index of the given buffer.
 */
public final class Rtcp {

    private static final int VERSION_BITS = 2 << 6;
    private static final int SDES = 202;
    private static final int SDES_CNAME = 1;
    private static final int MAX_TEXT = 255;

    private Rtcp() {
    }

    /**
     * Appends a Sender Report without report blocks followed by an SDES with the CNAME.
     *
     * @param out    the packet buffer
     * @param sender the stream's state at the report instant
     * @param cname  canonical name of the sender, 1..255 bytes in UTF-8
     * @throws IllegalArgumentException when the CNAME is empty or too long
     */
    public static void writeSenderReport(ByteBuf out, SenderInfo sender, String cname) {
        byte[] name = text(cname, "CNAME", 1);
        writeSenderInfo(out, sender);
        writeSdes(out, sender.ssrc(), name);
    }

    /**
     * Appends a final Sender Report, an SDES with the CNAME and a BYE: for a source that sent media.
     *
     * @param out    the packet buffer
     * @param sender the stream's final state
     * @param cname  canonical name of the sender, 1..255 bytes in UTF-8
     * @param reason why the source leaves, up to 255 bytes in UTF-8, or null
     * @throws IllegalArgumentException when the CNAME or the reason has a bad length
     */
    public static void writeBye(ByteBuf out, SenderInfo sender, String cname, String reason) {
        byte[] name = text(cname, "CNAME", 1);
        byte[] why = reason == null ? null : text(reason, "BYE reason", 0);
        writeSenderInfo(out, sender);
        writeSdes(out, sender.ssrc(), name);
        writeByePacket(out, sender.ssrc(), why);
    }

    /**
     * Appends an empty Receiver Report, an SDES with the CNAME and a BYE: for a source that has
     * not sent media.
     *
     * @param out    the packet buffer
     * @param ssrc   the leaving source
     * @param cname  canonical name of the source, 1..255 bytes in UTF-8
     * @param reason why the source leaves, up to 255 bytes in UTF-8, or null
     * @throws IllegalArgumentException when the CNAME or the reason has a bad length
     */
    public static void writeBye(ByteBuf out, int ssrc, String cname, String reason) {
        byte[] name = text(cname, "CNAME", 1);
        byte[] why = reason == null ? null : text(reason, "BYE reason", 0);
        out.writeByte(VERSION_BITS).writeByte(RtcpCompoundParser.RECEIVER_REPORT).writeShort(1).writeInt(ssrc);
        writeSdes(out, ssrc, name);
        writeByePacket(out, ssrc, why);
    }

    /**
     * Reads the feedback of a compound RTCP packet received from a client. Never throws on bad
     * input: a malformed packet yields what was valid before the damage, or nothing.
     *
     * @param compound the packet between its reader and writer index; untrusted; indices are not moved
     * @return the report blocks and whether a BYE was present
     */
    public static RtcpFeedback parse(ByteBuf compound) {
        return RtcpCompoundParser.parse(compound);
    }

    /**
     * Computes the round-trip time from a report block (RFC 3550 section 6.4.1): arrival time
     * minus LSR minus DLSR.
     *
     * @param arrivalNtp the NTP timestamp at which the report arrived, see {@link NtpTime}
     * @param block      a report block about one of our streams
     * @return the round-trip time, or empty when the receiver has not yet had a Sender Report or
     *         the clocks make the result negative
     */
    public static Optional<Duration> roundTripTime(long arrivalNtp, ReportBlock block) {
        if (block.lastSenderReport() == 0) {
            return Optional.empty();
        }
        long units = (NtpTime.compact(arrivalNtp) - block.lastSenderReport() - block.delaySinceLastSenderReport())
                & 0xFFFF_FFFFL;
        if (units >= 1L << 31) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(units * 1_000_000_000L / 65_536));
    }

    private static void writeSenderInfo(ByteBuf out, SenderInfo sender) {
        out.writeByte(VERSION_BITS).writeByte(RtcpCompoundParser.SENDER_REPORT).writeShort(6);
        out.writeInt(sender.ssrc());
        out.writeLong(sender.ntpTimestamp());
        out.writeInt((int) sender.rtpTimestamp());
        out.writeInt((int) sender.packetCount());
        out.writeInt((int) sender.octetCount());
    }

    private static void writeSdes(ByteBuf out, int ssrc, byte[] cname) {
        // item type, length and text, then at least one zero octet ending the item list, to a 32-bit boundary
        int items = 2 + cname.length;
        int padding = 4 - items % 4;
        out.writeByte(VERSION_BITS | 1).writeByte(SDES).writeShort((4 + items + padding) / 4);
        out.writeInt(ssrc).writeByte(SDES_CNAME).writeByte(cname.length).writeBytes(cname).writeZero(padding);
    }

    private static void writeByePacket(ByteBuf out, int ssrc, byte[] reason) {
        int reasonSize = reason == null ? 0 : 1 + reason.length;
        int padding = (4 - reasonSize % 4) % 4;
        out.writeByte(VERSION_BITS | 1).writeByte(RtcpCompoundParser.BYE).writeShort((4 + reasonSize + padding) / 4);
        out.writeInt(ssrc);
        if (reason != null) {
            out.writeByte(reason.length).writeBytes(reason).writeZero(padding);
        }
    }

    private static byte[] text(String value, String what, int minLength) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < minLength || bytes.length > MAX_TEXT) {
            throw new IllegalArgumentException(what + " of " + bytes.length + " bytes: must hold "
                    + minLength + " to " + MAX_TEXT + " bytes in UTF-8");
        }
        return bytes;
    }
}
