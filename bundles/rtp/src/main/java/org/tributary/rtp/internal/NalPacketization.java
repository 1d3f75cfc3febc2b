package org.tributary.rtp.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.tributary.api.MediaException;
import org.tributary.rtp.PayloadSink;

/**
 * The packetization shared by H.264 (RFC 6184 packetization-mode=1) and H.265 (RFC 7798 without
 * DONL): Single NAL Unit packets, fragmentation units for units above the payload budget, and the
 * out-of-band parameter sets sent again before every random access picture, aggregated into one
 * packet when they fit. The codec specifics come from a {@link NalSyntax}. Immutable and thread-safe.
 */
public final class NalPacketization {

    private static final int FU_START = 0x80;
    private static final int FU_END = 0x40;
    private static final int AGGREGATION_SIZE_FIELD = 2;
    private static final ByteBuffer NO_HEADER = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final NalSyntax syntax;
    private final int maxPayloadSize;
    private final List<byte[]> parameterSets;
    private final byte[] parameterSetsAggregate;

    /**
     * @param syntax         the codec's NAL syntax
     * @param maxPayloadSize largest payload per packet
     * @param parameterSets  parameter set NAL units (with their NAL header, without length prefix)
     *                       to send before each random access picture, in sending order; may be empty
     * @throws IllegalArgumentException when the size is out of range or a parameter set is shorter
     *                                  than a NAL header or over 65,535 bytes
     */
    public NalPacketization(NalSyntax syntax, int maxPayloadSize, List<byte[]> parameterSets) {
        this.syntax = syntax;
        this.maxPayloadSize = PayloadSizes.require(maxPayloadSize);
        List<byte[]> copies = new ArrayList<>(parameterSets.size());
        for (byte[] parameterSet : parameterSets) {
            if (parameterSet.length < syntax.headerSize() || parameterSet.length > 0xFFFF) {
                throw new IllegalArgumentException(syntax.codecName() + " parameter set of " + parameterSet.length
                        + " bytes: must hold " + syntax.headerSize() + " to 65535 bytes");
            }
            copies.add(parameterSet.clone());
        }
        this.parameterSets = List.copyOf(copies);
        this.parameterSetsAggregate = aggregate(this.parameterSets);
    }

    /** @return the largest payload handed to a sink */
    public int maxPayloadSize() {
        return maxPayloadSize;
    }

    /** Packs two or more units into one aggregation payload, or returns null when they do not fit. */
    private byte[] aggregate(List<byte[]> units) {
        if (units.size() < 2) {
            return null;
        }
        int size = syntax.headerSize();
        for (byte[] unit : units) {
            size += AGGREGATION_SIZE_FIELD + unit.length;
        }
        if (size > maxPayloadSize) {
            return null;
        }
        ByteBuffer aggregate = ByteBuffer.allocate(size).put(syntax.aggregationHeader(units));
        for (byte[] unit : units) {
            aggregate.putShort((short) unit.length).put(unit);
        }
        return aggregate.array();
    }

    /**
     * Sends one access unit of 4-byte length-prefixed NAL units; the marker bit goes on the last
     * packet of the last unit sent.
     *
     * @throws MediaException CORRUPT when a length runs past the sample or a unit is shorter than
     *                        its NAL header; nothing was sent then
     */
    public void packetize(ByteBuffer sample, PayloadSink sink) throws MediaException {
        PacketizerScratch scratch = PacketizerScratch.current();
        LengthPrefixedNals nals = scratch.nals().locate(sample, syntax.codecName());
        byte[] header = scratch.nalHeader(syntax.headerSize());
        int last = -1;
        boolean randomAccess = false;
        boolean ownParameterSets = false;
        for (int i = 0; i < nals.count(); i++) {
            if (nals.length(i) < header.length) {
                throw new MediaException(MediaException.Reason.CORRUPT, syntax.codecName() + " sample: NAL unit "
                        + (i + 1) + " of " + nals.length(i) + " byte(s) is shorter than its "
                        + header.length + "-byte header");
            }
            int type = syntax.type(readHeader(sample, nals.offset(i), header));
            randomAccess |= syntax.isRandomAccess(type);
            ownParameterSets |= syntax.isSequenceParameterSet(type);
            if (syntax.isSent(type)) {
                last = i;
            }
        }
        if (last < 0) {
            return;
        }
        ByteBuffer fuHeaders = scratch.fragmentHeaders(header.length + 1);
        if (randomAccess && !ownParameterSets) {
            sendParameterSets(header, fuHeaders, sink);
        }
        // a duplicate, not a read-only view: a heap sample's array stays reachable for the sink's copy
        ByteBuffer view = sample.duplicate();
        for (int i = 0; i <= last; i++) {
            int offset = nals.offset(i);
            if (syntax.isSent(syntax.type(readHeader(sample, offset, header)))) {
                sendNal(view, offset, nals.length(i), i == last, header, fuHeaders, sink);
            }
        }
    }

    private static byte[] readHeader(ByteBuffer source, int offset, byte[] header) {
        for (int i = 0; i < header.length; i++) {
            header[i] = source.get(offset + i);
        }
        return header;
    }

    private void sendParameterSets(byte[] header, ByteBuffer fuHeaders, PayloadSink sink) {
        if (parameterSetsAggregate != null) {
            sink.payload(NO_HEADER, ByteBuffer.wrap(parameterSetsAggregate).asReadOnlyBuffer(), false);
            return;
        }
        for (byte[] parameterSet : parameterSets) {
            sendNal(ByteBuffer.wrap(parameterSet).asReadOnlyBuffer(), 0, parameterSet.length, false, header,
                    fuHeaders, sink);
        }
    }

    /** Sends one unit as a Single NAL Unit packet, or as fragmentation units when it is too large. */
    private void sendNal(ByteBuffer source, int offset, int length, boolean endsAccessUnit, byte[] header,
                         ByteBuffer fuHeaders, PayloadSink sink) {
        // absolute gets are bounded by the limit, which the previous packet may have lowered
        source.limit(offset + length).position(offset);
        if (length <= maxPayloadSize) {
            sink.payload(NO_HEADER, source, endsAccessUnit);
            return;
        }
        readHeader(source, offset, header);
        int type = syntax.type(header);
        int fuSize = header.length + 1;
        int chunk = maxPayloadSize - fuSize;
        int end = offset + length;
        int first = offset + header.length;
        // the NAL header itself is not sent: the payload header and FU header carry its fields
        for (int at = first; at < end; at += chunk) {
            int fragmentEnd = Math.min(end, at + chunk);
            int flags = (at == first ? FU_START : 0) | (fragmentEnd == end ? FU_END : 0);
            fuHeaders.clear().limit(fuSize);
            syntax.writeFragmentPayloadHeader(header, fuHeaders);
            fuHeaders.put((byte) (flags | type)).flip();
            source.limit(fragmentEnd).position(at);
            sink.payload(fuHeaders, source, endsAccessUnit && fragmentEnd == end);
        }
    }
}
