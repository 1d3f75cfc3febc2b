package org.tributary.rtp;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;

/**
 * Which RTP stream (SSRC) a publisher's track takes: the SSRC it announced (RTSP Transport
 * {@code ssrc=}) or, when it announced none, the SSRC of its first RTP packet. Packets of any other
 * SSRC are foreign, even from the right address and port. Thread-safe.
 */
public final class SsrcLock {

    private static final long NONE = -1;
    private static final int RTCP_SSRC_OFFSET = 4;
    private static final int RTP_SSRC_OFFSET = 8;

    private final AtomicLong locked;

    /** @param announced the announced SSRC (unsigned 32 bits), or empty to lock on the first RTP packet's */
    public SsrcLock(OptionalLong announced) {
        announced.ifPresent(ssrc -> {
            if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("ssrc " + ssrc + " is not an unsigned 32-bit value");
            }
        });
        this.locked = new AtomicLong(announced.orElse(NONE));
    }

    /**
     * @param packet an RTP packet between its reader and writer index (not moved); untrusted
     * @return whether its SSRC is the track's; the first packet may lock it. A packet too short to carry
     *         an SSRC passes, for the receiver's own checks to drop it as malformed
     */
    public boolean admitsRtp(ByteBuf packet) {
        if (packet.readableBytes() < RtpHeader.SIZE) {
            return true;
        }
        long ssrc = packet.getUnsignedInt(packet.readerIndex() + RTP_SSRC_OFFSET);
        long first = locked.compareAndExchange(NONE, ssrc);
        return first == NONE || first == ssrc;
    }

    /**
     * @param packet an RTCP compound packet between its reader and writer index (not moved); untrusted
     * @return whether its first packet's sender SSRC is the track's, or no SSRC is locked yet (RTCP never locks)
     */
    public boolean admitsRtcp(ByteBuf packet) {
        if (packet.readableBytes() < RTCP_SSRC_OFFSET + 4) {
            return true;
        }
        long current = locked.get();
        return current == NONE || current == packet.getUnsignedInt(packet.readerIndex() + RTCP_SSRC_OFFSET);
    }

    /** @return the SSRC taken, for log lines */
    public String describe() {
        long current = locked.get();
        return current == NONE ? "no SSRC yet" : String.format("SSRC %08X", current);
    }
}
