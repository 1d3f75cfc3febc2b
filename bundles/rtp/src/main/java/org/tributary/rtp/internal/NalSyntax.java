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
    default int type(byte[] header) {
        return typeOf(header[0]);
    }

    /**
     * @param firstHeaderByte the first byte of a NAL unit header (or of a payload header, which has the same layout)
     * @return the NAL unit type it carries
     */
    int typeOf(int firstHeaderByte);

    /** @return true for the payload type that aggregates units, each after a 16-bit size (STAP-A, AP) */
    boolean isAggregation(int type);

    /** @return true for the payload types that carry a fragment of a unit, an FU header after the payload header */
    boolean isFragment(int type);

    /**
     * @param fuHeader the FU header byte: start and end bits, then the fragmented unit's type
     * @return the fragmented unit's type
     */
    int fragmentedType(int fuHeader);

    /** @return true when a unit of this type travels; false for delimiters, filler and RTP-reserved types */
    boolean isSent(int type);

    /** @return true when a picture of this type is a random access point (H.264 IDR, H.265 IRAP) */
    boolean isRandomAccess(int type);

    /** @return true when an access unit holding this type brings its own parameter sets (an SPS) */
    boolean isSequenceParameterSet(int type);

    /**
     * @return true when a unit of this type begins a picture a decoder can start from: a random access
     *         picture, or a parameter set that encoders send right before one
     */
    default boolean startsKeyFrame(int type) {
        return isRandomAccess(type) || isSequenceParameterSet(type);
    }

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
