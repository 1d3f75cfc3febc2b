package org.tributary.rtp;

import java.nio.ByteBuffer;
import java.util.List;

import org.tributary.api.MediaException;
import org.tributary.rtp.internal.NalPacketization;
import org.tributary.rtp.internal.NalSyntax;

/**
 * H.265/HEVC over RTP, RFC 7798, without DONL fields (sprop-max-don-diff=0).
 * <p>
 * The input sample is one access unit as 4-byte length-prefixed NAL units. A NAL unit that fits
 * the maximum payload travels as a Single NAL Unit packet, a larger one as fragmentation units
 * (FU, type 49: a 2-byte payload header with the unit's F bit, LayerId and TID, then an FU header
 * with the start and end bits and the unit's type). The marker bit is set on the last packet of
 * the access unit. Access unit delimiters and filler data are dropped, and so are NAL types 48–63,
 * which would be mistaken for RTP aggregation, fragmentation and PACI packets.
 * <p>
 * Before an access unit holding an IRAP picture (types 16–23), the parameter sets given to the
 * constructor (VPS, SPS, PPS) are sent again, as one aggregation packet (AP, type 48) when they
 * fit, unless the access unit carries its own SPS.
 */
public final class H265Packetizer implements RtpPacketizer {

    /** The NAL syntax of H.265, for {@link RandomAccess} too. */
    static final NalSyntax SYNTAX = new HevcSyntax();

    private final NalPacketization packetization;

    /**
     * @param maxPayloadSize largest payload per packet, see {@link RtpPacketizer#DEFAULT_MAX_PAYLOAD}
     * @param parameterSets  VPS, SPS and PPS NAL units (with their 2-byte NAL header, without length
     *                       prefix) to send before each IRAP access unit, in sending order; may be empty
     * @throws IllegalArgumentException when the size is out of range or a parameter set is shorter
     *                                  than 2 bytes or over 65,535 bytes
     */
    public H265Packetizer(int maxPayloadSize, List<byte[]> parameterSets) {
        this.packetization = new NalPacketization(SYNTAX, maxPayloadSize, parameterSets);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) throws MediaException {
        packetization.packetize(sample, sink);
    }

    @Override
    public int maxPayloadSize() {
        return packetization.maxPayloadSize();
    }

    /** The two-byte NAL header of H.265: F (1 bit), type (6 bits), LayerId (6 bits), TID (3 bits). */
    private static final class HevcSyntax implements NalSyntax {

        private static final int FIRST_IRAP = 16;
        private static final int LAST_IRAP = 23;
        private static final int TYPE_VPS = 32;
        private static final int TYPE_SPS = 33;
        private static final int TYPE_AUD = 35;
        private static final int TYPE_FILLER = 38;
        private static final int TYPE_AP = 48;
        private static final int TYPE_FU = 49;
        private static final int FORBIDDEN_AND_LAYER_HIGH_BIT = 0x81;
        private static final int LAYER_LOW_BITS_AND_TID = 0xFF;
        private static final int TID_BITS = 0x07;

        @Override
        public String codecName() {
            return "H.265";
        }

        @Override
        public int headerSize() {
            return 2;
        }

        @Override
        public int typeOf(int firstHeaderByte) {
            return (firstHeaderByte >> 1) & 0x3F;
        }

        @Override
        public boolean isAggregation(int type) {
            return type == TYPE_AP;
        }

        @Override
        public boolean isFragment(int type) {
            return type == TYPE_FU;
        }

        @Override
        public int fragmentedType(int fuHeader) {
            return fuHeader & 0x3F;
        }

        @Override
        public boolean isSent(int type) {
            return type != TYPE_AUD && type != TYPE_FILLER && type < TYPE_AP;
        }

        @Override
        public boolean isRandomAccess(int type) {
            return type >= FIRST_IRAP && type <= LAST_IRAP;
        }

        @Override
        public boolean isSequenceParameterSet(int type) {
            return type == TYPE_SPS;
        }

        /** The VPS comes first of the parameter sets an encoder sends before an IRAP picture. */
        @Override
        public boolean startsKeyFrame(int type) {
            return isRandomAccess(type) || type == TYPE_VPS || type == TYPE_SPS;
        }

        @Override
        public void writeFragmentPayloadHeader(byte[] header, ByteBuffer out) {
            out.put((byte) ((header[0] & FORBIDDEN_AND_LAYER_HIGH_BIT) | (TYPE_FU << 1)))
                    .put((byte) (header[1] & LAYER_LOW_BITS_AND_TID));
        }

        /** AP (RFC 7798 4.4.2): F is the OR of the units' F bits, LayerId and TID their lowest values. */
        @Override
        public byte[] aggregationHeader(List<byte[]> units) {
            int forbiddenBit = 0;
            int layerId = Integer.MAX_VALUE;
            int temporalId = Integer.MAX_VALUE;
            for (byte[] unit : units) {
                forbiddenBit |= unit[0] & 0x80;
                layerId = Math.min(layerId, ((unit[0] & 0x01) << 5) | ((unit[1] & 0xFF) >>> 3));
                temporalId = Math.min(temporalId, unit[1] & TID_BITS);
            }
            return new byte[] {(byte) (forbiddenBit | (TYPE_AP << 1) | (layerId >>> 5)),
                (byte) (((layerId & 0x1F) << 3) | temporalId)};
        }
    }
}
