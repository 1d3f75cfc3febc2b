package org.tributary.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import org.tributary.rtp.internal.RtcpCompoundParser;
import org.tributary.rtp.internal.SenderReportReader;

/**
 * RTCP for a media sender (RFC 3550 section 6): the compound packets it sends and the receiver
 * feedback it reads.
 * <p>
 * Every compound written here starts with a report and carries an SDES CNAME, as RFC 3550 6.1
 * requires. Writers put at the position of a {@link ByteBuffer}; the {@code ByteBuf} methods are adapters
 * for protocol bundles that append at the writer index.
 */
public final class Rtcp {

    private static final int VERSION_BITS = 2 << 6;
    private static final int SDES = 202;
    private static final int SDES_CNAME = 1;
    private static final int MAX_TEXT = 255;
    private static final int SENDER_INFO_SIZE = 20;
    private static final int SENDER_REPORT_SIZE = 8 + SENDER_INFO_SIZE;

    private Rtcp() {
    }

    /**
     * @param cname canonical name of the sender, 1..255 bytes in UTF-8
     * @return the size of what {@link #writeSenderReport(ByteBuffer, SenderInfo, String)} writes
     * @throws IllegalArgumentException when the CNAME is empty or too long
     */
    public static int senderReportSize(String cname) {
        return SENDER_REPORT_SIZE + sdesSize(text(cname, "CNAME", 1));
    }

    /**
     * @param cname  canonical name of the sender, 1..255 bytes in UTF-8
     * @param reason why the source leaves, up to 255 bytes in UTF-8, or null
     * @return the size of what {@link #writeBye(ByteBuffer, SenderInfo, String, String)} writes
     * @throws IllegalArgumentException when the CNAME or the reason has a bad length
     */
    public static int byeSize(String cname, String reason) {
        return senderReportSize(cname) + byePacketSize(reason == null ? null : text(reason, "BYE reason", 0));
    }

    /**
     * Puts a Sender Report without report blocks followed by an SDES with the CNAME at the buffer's
     * position, which advances past them.
     *
     * @param out    the packet buffer, with at least {@link #senderReportSize(String)} bytes remaining
     * @param sender the stream's state at the report instant
     * @param cname  canonical name of the sender, 1..255 bytes in UTF-8
     * @throws IllegalArgumentException when the CNAME is empty or too long
     */
    public static void writeSenderReport(ByteBuffer out, SenderInfo sender, String cname) {
        byte[] name = text(cname, "CNAME", 1);
        writeSenderInfo(out, sender);
        writeSdes(out, sender.ssrc(), name);
    }

    /**
     * Puts a final Sender Report, an SDES with the CNAME and a BYE at the buffer's position: for a source
     * that sent media.
     *
     * @param out    the packet buffer, with at least {@link #byeSize(String, String)} bytes remaining
     * @param sender the stream's final state
     * @param cname  canonical name of the sender, 1..255 bytes in UTF-8
     * @param reason why the source leaves, up to 255 bytes in UTF-8, or null
     * @throws IllegalArgumentException when the CNAME or the reason has a bad length
     */
    public static void writeBye(ByteBuffer out, SenderInfo sender, String cname, String reason) {
        byte[] name = text(cname, "CNAME", 1);
        byte[] why = reason == null ? null : text(reason, "BYE reason", 0);
        writeSenderInfo(out, sender);
        writeSdes(out, sender.ssrc(), name);
        writeByePacket(out, sender.ssrc(), why);
    }

    /**
     * Puts an empty Receiver Report, an SDES with the CNAME and a BYE at the buffer's position: for a
     * source that has not sent media. It is {@code byeSize(cname, reason) - 20} bytes long.
     *
     * @param out    the packet buffer
     * @param ssrc   the leaving source
     * @param cname  canonical name of the source, 1..255 bytes in UTF-8
     * @param reason why the source leaves, up to 255 bytes in UTF-8, or null
     * @throws IllegalArgumentException when the CNAME or the reason has a bad length
     */
    public static void writeBye(ByteBuffer out, int ssrc, String cname, String reason) {
        byte[] name = text(cname, "CNAME", 1);
        byte[] why = reason == null ? null : text(reason, "BYE reason", 0);
        out.put((byte) VERSION_BITS).put((byte) RtcpCompoundParser.RECEIVER_REPORT).putShort((short) 1).putInt(ssrc);
        writeSdes(out, ssrc, name);
        writeByePacket(out, ssrc, why);
    }

    /** Appends {@link #writeSenderReport(ByteBuffer, SenderInfo, String)} at the writer index: an adapter. */
    public static void writeSenderReport(ByteBuf out, SenderInfo sender, String cname) {
        append(out, senderReportSize(cname), view -> writeSenderReport(view, sender, cname));
    }

    /** Appends {@link #writeBye(ByteBuffer, SenderInfo, String, String)} at the writer index: an adapter. */
    public static void writeBye(ByteBuf out, SenderInfo sender, String cname, String reason) {
        append(out, byeSize(cname, reason), view -> writeBye(view, sender, cname, reason));
    }

    /** Appends {@link #writeBye(ByteBuffer, int, String, String)} at the writer index: an adapter. */
    public static void writeBye(ByteBuf out, int ssrc, String cname, String reason) {
        append(out, byeSize(cname, reason) - SENDER_INFO_SIZE, view -> writeBye(view, ssrc, cname, reason));
    }

    /**
     * Reads the feedback of a compound RTCP packet received from a client. Never throws on bad
     * input: a malformed packet yields what was valid before the damage, or nothing.
     *
     * @param compound the packet from its position to its limit; untrusted; neither is moved
     * @return the report blocks and whether a BYE was present
     */
    public static RtcpFeedback parse(ByteBuffer compound) {
        return RtcpCompoundParser.parse(compound);
    }

    /**
     * Reads the feedback of a compound RTCP packet between its reader and writer index (not moved): an
     * adapter over {@link #parse(ByteBuffer)}.
     */
    public static RtcpFeedback parse(ByteBuf compound) {
        return RtcpCompoundParser.parse(compound.nioBuffer());
    }

    /**
     * Reads the clock mappings of the Sender Reports in a compound RTCP packet received from a publisher.
     * The whole compound is checked first, so a broken one delivers nothing.
     *
     * @param compound the packet from its position to its limit; untrusted; neither is moved
     * @param handler  called for every Sender Report, in order
     * @throws MalformedRtpException naming the cause when a packet's version or length does not fit
     */
    public static void senderReports(ByteBuffer compound, SenderReportHandler handler) throws MalformedRtpException {
        SenderReportReader.read(compound, handler);
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

    private static void writeSenderInfo(ByteBuffer out, SenderInfo sender) {
        out.put((byte) VERSION_BITS).put((byte) RtcpCompoundParser.SENDER_REPORT).putShort((short) 6);
        out.putInt(sender.ssrc()).putLong(sender.ntpTimestamp()).putInt((int) sender.rtpTimestamp());
        out.putInt((int) sender.packetCount()).putInt((int) sender.octetCount());
    }

    private static int sdesSize(byte[] cname) {
        // item type, length and text, then at least one zero octet ending the item list, to a 32-bit boundary
        int items = 2 + cname.length;
        return 8 + items + 4 - items % 4;
    }

    private static void writeSdes(ByteBuffer out, int ssrc, byte[] cname) {
        int size = sdesSize(cname);
        out.put((byte) (VERSION_BITS | 1)).put((byte) SDES).putShort((short) (size / 4 - 1));
        out.putInt(ssrc).put((byte) SDES_CNAME).put((byte) cname.length).put(cname);
        zeros(out, size - 10 - cname.length);
    }

    private static int byePacketSize(byte[] reason) {
        int reasonSize = reason == null ? 0 : 1 + reason.length;
        return 8 + reasonSize + (4 - reasonSize % 4) % 4;
    }

    private static void writeByePacket(ByteBuffer out, int ssrc, byte[] reason) {
        int size = byePacketSize(reason);
        out.put((byte) (VERSION_BITS | 1)).put((byte) RtcpCompoundParser.BYE).putShort((short) (size / 4 - 1));
        out.putInt(ssrc);
        if (reason != null) {
            out.put((byte) reason.length).put(reason);
            zeros(out, size - 9 - reason.length);
        }
    }

    private static void zeros(ByteBuffer out, int count) {
        for (int i = 0; i < count; i++) {
            out.put((byte) 0);
        }
    }

    /** Writes into a heap buffer, then appends it: RTCP is sent every few seconds, not per packet. */
    private static void append(ByteBuf out, int size, Consumer<ByteBuffer> writer) {
        ByteBuffer packet = ByteBuffer.allocate(size);
        writer.accept(packet);
        out.writeBytes(packet.flip());
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
