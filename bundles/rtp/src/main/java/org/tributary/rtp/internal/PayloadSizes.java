package org.tributary.rtp.internal;

import org.tributary.rtp.RtpPacketizer;

/** Validation of the maximum payload size that packetizers are built with. */
public final class PayloadSizes {

    private PayloadSizes() {
    }

    /**
     * @param maxPayloadSize the requested maximum payload size in bytes
     * @return {@code maxPayloadSize} when it is within the limits of {@link RtpPacketizer}
     * @throws IllegalArgumentException naming the limits otherwise
     */
    public static int require(int maxPayloadSize) {
        if (maxPayloadSize < RtpPacketizer.MIN_MAX_PAYLOAD || maxPayloadSize > RtpPacketizer.MAX_MAX_PAYLOAD) {
            throw new IllegalArgumentException("maximum RTP payload size " + maxPayloadSize + " is outside "
                    + RtpPacketizer.MIN_MAX_PAYLOAD + ".." + RtpPacketizer.MAX_MAX_PAYLOAD);
        }
        return maxPayloadSize;
    }
}
