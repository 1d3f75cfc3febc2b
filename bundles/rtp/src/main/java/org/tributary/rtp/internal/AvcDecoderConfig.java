package org.tributary.rtp.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 "avcC") that RTP needs: the
 * sequence and picture parameter sets. Every count and length in the record is checked against
 * its size; trailing extensions (High profile chroma fields) are ignored.
 *
 * @param sequenceParameterSets SPS NAL units, at least one, each with its NAL header byte
 * @param pictureParameterSets  PPS NAL units, at least one, each with its NAL header byte
 */
public record AvcDecoderConfig(List<byte[]> sequenceParameterSets, List<byte[]> pictureParameterSets) {

    // configurationVersion, profile, compatibility, level, lengthSizeMinusOne
    private static final int FIXED_HEADER_SIZE = 5;
    private static final int TYPE_SPS = 7;
    private static final int TYPE_PPS = 8;
    // NAL header plus profile_idc, constraint flags and level_idc
    private static final int MIN_SPS_SIZE = 4;

    /**
     * @param record the avcC box body
     * @return its parameter sets
     * @throws IllegalArgumentException naming what is wrong when the record is malformed
     */
    public static AvcDecoderConfig parse(byte[] record) {
        ByteBuffer in = ByteBuffer.wrap(record);
        if (in.remaining() < FIXED_HEADER_SIZE + 1) {
            throw malformed(record, "shorter than the " + (FIXED_HEADER_SIZE + 1) + "-byte minimum");
        }
        if (in.get() != 1) {
            throw malformed(record, "configurationVersion " + (record[0] & 0xFF) + " is not 1");
        }
        in.position(FIXED_HEADER_SIZE);
        List<byte[]> sps = readUnits(in, record, in.get() & 0x1F, TYPE_SPS, "SPS");
        if (!in.hasRemaining()) {
            throw malformed(record, "no PPS count after the SPS");
        }
        List<byte[]> pps = readUnits(in, record, in.get() & 0xFF, TYPE_PPS, "PPS");
        for (byte[] unit : sps) {
            if (unit.length < MIN_SPS_SIZE) {
                throw malformed(record, "SPS of " + unit.length + " bytes lacks profile and level");
            }
        }
        return new AvcDecoderConfig(sps, pps);
    }

    private static List<byte[]> readUnits(ByteBuffer in, byte[] record, int count, int type, String name) {
        if (count == 0) {
            throw malformed(record, "holds no " + name);
        }
        List<byte[]> units = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            if (in.remaining() < 2) {
                throw malformed(record, name + " #" + i + " length runs past the end");
            }
            int length = in.getShort() & 0xFFFF;
            if (length == 0 || length > in.remaining()) {
                throw malformed(record, name + " #" + i + " length " + length + " does not fit the "
                        + in.remaining() + " bytes left");
            }
            byte[] unit = new byte[length];
            in.get(unit);
            if ((unit[0] & 0x1F) != type) {
                throw malformed(record, name + " #" + i + " has NAL type " + (unit[0] & 0x1F) + ", not " + type);
            }
            units.add(unit);
        }
        return List.copyOf(units);
    }

    private static IllegalArgumentException malformed(byte[] record, String cause) {
        return new IllegalArgumentException("malformed avcC (" + record.length + " bytes): " + cause);
    }

    /**
     * @return the profile-level-id of RFC 6184: profile_idc, constraint flags and level_idc of the
     *         first SPS as 6 upper-case hex digits
     */
    public String profileLevelId() {
        byte[] sps = sequenceParameterSets.get(0);
        return String.format(Locale.ROOT, "%02X%02X%02X", sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF);
    }

    /** @return the SPS then the PPS, in record order */
    public List<byte[]> parameterSets() {
        List<byte[]> all = new ArrayList<>(sequenceParameterSets);
        all.addAll(pictureParameterSets);
        return all;
    }
}
