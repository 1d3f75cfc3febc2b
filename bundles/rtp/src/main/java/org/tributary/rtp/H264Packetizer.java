package org.tributary.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.tributary.api.MediaException;
import org.tributary.rtp.internal.LengthPrefixedNals;
import org.tributary.rtp.internal.PayloadSizes;

/**
 * H.264 over RTP, RFC 6184 packetization-mode=1 (non-interleaved).
 * <p>
 * The input sample is one access unit as 4-byte length-prefixed NAL units. A NAL unit that fits
 * the maximum payload travels as a Single NAL Unit packet, a larger one as FU-A fragments. The
 * marker bit is set on the last packet of the access unit. Access unit delimiters and filler data
 * are dropped, and so are NAL types 24–31, which would be mistaken for RTP aggregation and
 * fragmentation packets.
 * <p>
 * Before an access unit holding an IDR picture, the parameter sets given to the constructor are
 * sent again (as one STAP-A packet when they fit), unless the access unit carries its own SPS:
 * a client joining late or after a seek can then start decoding at any key frame.
 */
public final class H264Packetizer implements RtpPacketizer {

    private static final int TYPE_IDR = 5;
    private static final int TYPE_SPS = 7;
    private static final int TYPE_AUD = 9;
    private static final int TYPE_FILLER = 12;
    private static final int TYPE_STAP_A = 24;
    private static final int TYPE_FU_A = 28;
    private static final int FU_START = 0x80;
    private static final int FU_END = 0x40;
    private static final int FU_HEADERS_SIZE = 2;
    private static final int STAP_SIZE_FIELD = 2;
    private static final ByteBuffer NO_HEADER = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final int maxPayloadSize;
    private final List<byte[]> parameterSets;
    private final byte[] parameterSetsStapA;

    /**
     * @param maxPayloadSize largest payload per packet, see {@link RtpPacketizer#DEFAULT_MAX_PAYLOAD}
     * @param parameterSets  SPS and PPS NAL units (with their NAL header byte, without length
     *                       prefix) to send before each IDR access unit, in sending order; may be empty
     * @throws IllegalArgumentException when the size is out of range or a parameter set is empty or over 65,535 bytes
     */
    public H264Packetizer(int maxPayloadSize, List<byte[]> parameterSets) {
        this.maxPayloadSize = PayloadSizes.require(maxPayloadSize);
        List<byte[]> copies = new ArrayList<>(parameterSets.size());
        for (byte[] parameterSet : parameterSets) {
            if (parameterSet.length == 0 || parameterSet.length > 0xFFFF) {
                throw new IllegalArgumentException("H.264 parameter set of " + parameterSet.length
                        + " bytes: must hold 1 to 65535 bytes");
            }
            copies.add(parameterSet.clone());
        }
        this.parameterSets = List.copyOf(copies);
        this.parameterSetsStapA = aggregate(this.parameterSets, this.maxPayloadSize);
    }

    /** Packs two or more units into one STAP-A payload (RFC 6184 5.7.1), or returns null when they do not fit. */
    private static byte[] aggregate(List<byte[]> units, int maxPayloadSize) {
        if (units.size() < 2) {
            return null;
        }
        int size = 1;
        int forbiddenBit = 0;
        int maxNri = 0;
        for (byte[] unit : units) {
            size += STAP_SIZE_FIELD + unit.length;
            forbiddenBit |= unit[0] & 0x80;
            maxNri = Math.max(maxNri, unit[0] & 0x60);
        }
        if (size > maxPayloadSize) {
            return null;
        }
        ByteBuffer stap = ByteBuffer.allocate(size);
        stap.put((byte) (forbiddenBit | maxNri | TYPE_STAP_A));
        for (byte[] unit : units) {
            stap.putShort((short) unit.length).put(unit);
        }
        return stap.array();
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) throws MediaException {
        LengthPrefixedNals nals = LengthPrefixedNals.scan(sample, "H.264");
        int last = -1;
        boolean idr = false;
        boolean sps = false;
        for (int i = 0; i < nals.count(); i++) {
            int type = sample.get(nals.offset(i)) & 0x1F;
            idr |= type == TYPE_IDR;
            sps |= type == TYPE_SPS;
            if (isSent(type)) {
                last = i;
            }
        }
        if (last < 0) {
            return;
        }
        ByteBuffer fuHeaders = ByteBuffer.allocate(FU_HEADERS_SIZE);
        if (idr && !sps) {
            sendParameterSets(fuHeaders, sink);
        }
        ByteBuffer view = sample.asReadOnlyBuffer();
        for (int i = 0; i <= last; i++) {
            int offset = nals.offset(i);
            if (isSent(sample.get(offset) & 0x1F)) {
                sendNal(view, offset, nals.length(i), i == last, fuHeaders, sink);
            }
        }
    }

    private static boolean isSent(int type) {
        return type != TYPE_AUD && type != TYPE_FILLER && type < TYPE_STAP_A;
    }

    private void sendParameterSets(ByteBuffer fuHeaders, PayloadSink sink) {
        if (parameterSetsStapA != null) {
            sink.payload(NO_HEADER, ByteBuffer.wrap(parameterSetsStapA).asReadOnlyBuffer(), false);
            return;
        }
        for (byte[] parameterSet : parameterSets) {
            sendNal(ByteBuffer.wrap(parameterSet).asReadOnlyBuffer(), 0, parameterSet.length, false, fuHeaders, sink);
        }
    }

    /** Sends one unit as a Single NAL Unit packet, or as FU-A fragments (RFC 6184 5.8) when it is too large. */
    private void sendNal(ByteBuffer source, int offset, int length, boolean endsAccessUnit,
                         ByteBuffer fuHeaders, PayloadSink sink) {
        // absolute gets are bounded by the limit, which the previous packet may have lowered
        source.limit(offset + length).position(offset);
        if (length <= maxPayloadSize) {
            sink.payload(NO_HEADER, source, endsAccessUnit);
            return;
        }
        int nalHeader = source.get(offset);
        int indicator = (nalHeader & 0xE0) | TYPE_FU_A;
        int type = nalHeader & 0x1F;
        int chunk = maxPayloadSize - FU_HEADERS_SIZE;
        int end = offset + length;
        // the NAL header byte itself is not sent: the FU indicator and header carry its fields
        for (int at = offset + 1; at < end; at += chunk) {
            int fragmentEnd = Math.min(end, at + chunk);
            int flags = (at == offset + 1 ? FU_START : 0) | (fragmentEnd == end ? FU_END : 0);
            fuHeaders.clear();
            fuHeaders.put((byte) indicator).put((byte) (flags | type)).flip();
            source.limit(fragmentEnd).position(at);
            sink.payload(fuHeaders, source, endsAccessUnit && fragmentEnd == end);
        }
    }

    @Override
    public int maxPayloadSize() {
        return maxPayloadSize;
    }
}
