package org.tributary.rtp.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * What differs between the NAL-unit payload formats of H.264 (RFC 6184) and H.265 (RFC 7798):
 * the size and fields of the NAL unit header, which types are sent, which start a random access
 * point, and how fragmentation and aggregation payload headers are made from unit headers.
 * {@link NalPacketization} does the rest, the same for both.
 */
public interface NalSyntax {

    /** @return the codec name used in error messages, such as "H.264" */
    String codecName();

    /** @return the size of the NAL unit header in bytes: 1 for H.264, 2 for H.265 */
    int headerSize();

    /**
     * @param header the NAL unit header bytes, {@link #headerSize()} of them
     * @return the NAL unit type
     */
    int type(byte[] header);

    /** @return true when a unit of this type travels; false for delimiters, filler and RTP-reserved types */
    boolean isSent(int type);

    /** @return true when a picture of this type is a random access point (H.264 IDR, H.265 IRAP) */
    boolean isRandomAccess(int type);

    /** @return true when an access unit holding this type brings its own parameter sets (an SPS) */
    boolean isSequenceParameterSet(int type);

    /**
     * Writes the payload header of a fragmentation unit (without the FU header byte that follows it).
     *
     * @param header the fragmented unit's NAL header, {@link #headerSize()} bytes
     * @param out    receives {@link #headerSize()} bytes
     */
    void writeFragmentPayloadHeader(byte[] header, ByteBuffer out);

    /**
     * @param units the units to aggregate, each starting with its NAL header
     * @return the payload header of an aggregation packet holding them, {@link #headerSize()} bytes
     */
    byte[] aggregationHeader(List<byte[]> units);
}
