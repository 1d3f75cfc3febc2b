package org.tributary.rtp;

import java.nio.ByteBuffer;
import java.util.List;

import org.tributary.api.MediaException;
import org.tributary.rtp.internal.NalPacketization;
import org.tributary.rtp.internal.NalSyntax;

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

    /** The NAL syntax of H.264, for {@link RandomAccess} too. */
    static final NalSyntax SYNTAX = new AvcSyntax();

    private final NalPacketization packetization;

    /**
     * @param maxPayloadSize largest payload per packet, see {@link RtpPacketizer#DEFAULT_MAX_PAYLOAD}
     * @param parameterSets  SPS and PPS NAL units (with their NAL header byte, without length
     *                       prefix) to send before each IDR access unit, in sending order; may be empty
     * @throws IllegalArgumentException when the size is out of range or a parameter set is empty or over 65,535 bytes
     */
    public H264Packetizer(int maxPayloadSize, List<byte[]> parameterSets) {
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

    /** The one-byte NAL header of H.264: F (1 bit), NRI (2 bits), type (5 bits). */
    private static final class AvcSyntax implements NalSyntax {

        private static final int TYPE_IDR = 5;
        private static final int TYPE_SPS = 7;
        private static final int TYPE_AUD = 9;
        private static final int TYPE_FILLER = 12;
        private static final int TYPE_STAP_A = 24;
        private static final int TYPE_FU_A = 28;
        private static final int TYPE_FU_B = 29;

        @Override
        public String codecName() {
            return "H.264";
        }

        @Override
        public int headerSize() {
            return 1;
        }

        @Override
        public int typeOf(int firstHeaderByte) {
            return firstHeaderByte & 0x1F;
        }

        @Override
        public boolean isAggregation(int type) {
            return type == TYPE_STAP_A;
        }

        @Override
        public boolean isFragment(int type) {
            return type == TYPE_FU_A || type == TYPE_FU_B;
        }

        @Override
        public int fragmentedType(int fuHeader) {
            return fuHeader & 0x1F;
        }

        @Override
        public boolean isSent(int type) {
            return type != TYPE_AUD && type != TYPE_FILLER && type < TYPE_STAP_A;
        }

        @Override
        public boolean isRandomAccess(int type) {
            return type == TYPE_IDR;
        }

        @Override
        public boolean isSequenceParameterSet(int type) {
            return type == TYPE_SPS;
        }

        @Override
        public void writeFragmentPayloadHeader(byte[] header, ByteBuffer out) {
            out.put((byte) ((header[0] & 0xE0) | TYPE_FU_A));
        }

        /** STAP-A (RFC 6184 5.7.1): F is the OR of the units' F bits, NRI their highest NRI. */
        @Override
        public byte[] aggregationHeader(List<byte[]> units) {
            int forbiddenBit = 0;
            int maxNri = 0;
            for (byte[] unit : units) {
                forbiddenBit |= unit[0] & 0x80;
                maxNri = Math.max(maxNri, unit[0] & 0x60);
            }
            return new byte[] {(byte) (forbiddenBit | maxNri | TYPE_STAP_A)};
        }
    }
}
