package org.tributary.rtp.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3 "hvcC") that RTP needs:
 * the general profile, tier and level, and the VPS, SPS and PPS NAL units. Every count and length
 * is checked against the record's size; arrays of other NAL types (SEI) are skipped.
 *
 * @param profileSpace general_profile_space, 0..3
 * @param tierFlag     general_tier_flag, 0 or 1
 * @param profileId    general_profile_idc, 0..31
 * @param levelId      general_level_idc, 0..255
 * @param vps          video parameter sets, at least one, each with its 2-byte NAL header
 * @param sps          sequence parameter sets, at least one
 * @param pps          picture parameter sets, at least one
 */
public record HevcDecoderConfig(int profileSpace, int tierFlag, int profileId, int levelId,
                                List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {

    // every field up to and including numOfArrays
    private static final int FIXED_HEADER_SIZE = 23;
    private static final int LEVEL_BYTE = 12;
    private static final int TYPE_VPS = 32;
    private static final int TYPE_SPS = 33;
    private static final int TYPE_PPS = 34;
    private static final int NAL_HEADER_SIZE = 2;

    /**
     * @param record the hvcC box body
     * @return its profile, tier, level and parameter sets
     * @throws IllegalArgumentException naming what is wrong when the record is malformed or lacks a parameter set
     */
    public static HevcDecoderConfig parse(byte[] record) {
        if (record.length < FIXED_HEADER_SIZE) {
            throw malformed(record, "shorter than the " + FIXED_HEADER_SIZE + "-byte minimum");
        }
        if (record[0] != 1) {
            throw malformed(record, "configurationVersion " + (record[0] & 0xFF) + " is not 1");
        }
        ByteBuffer in = ByteBuffer.wrap(record).position(FIXED_HEADER_SIZE - 1);
        int arrays = in.get() & 0xFF;
        List<byte[]> vps = new ArrayList<>();
        List<byte[]> sps = new ArrayList<>();
        List<byte[]> pps = new ArrayList<>();
        for (int array = 1; array <= arrays; array++) {
            if (in.remaining() < 3) {
                throw malformed(record, "array #" + array + " header runs past the end");
            }
            int type = in.get() & 0x3F;
            int count = in.getShort() & 0xFFFF;
            List<byte[]> target = type == TYPE_VPS ? vps : type == TYPE_SPS ? sps : type == TYPE_PPS ? pps : null;
            for (int i = 1; i <= count; i++) {
                byte[] unit = readUnit(in, record, array, i);
                if (target != null) {
                    target.add(unit);
                }
            }
        }
        require(record, vps, "VPS");
        require(record, sps, "SPS");
        require(record, pps, "PPS");
        int profile = record[1] & 0xFF;
        return new HevcDecoderConfig(profile >>> 6, (profile >>> 5) & 1, profile & 0x1F,
                record[LEVEL_BYTE] & 0xFF, List.copyOf(vps), List.copyOf(sps), List.copyOf(pps));
    }

    private static byte[] readUnit(ByteBuffer in, byte[] record, int array, int index) {
        if (in.remaining() < 2) {
            throw malformed(record, "array #" + array + " NAL unit #" + index + " length runs past the end");
        }
        int length = in.getShort() & 0xFFFF;
        if (length < NAL_HEADER_SIZE || length > in.remaining()) {
            throw malformed(record, "array #" + array + " NAL unit #" + index + " length " + length
                    + " does not fit the " + in.remaining() + " bytes left");
        }
        byte[] unit = new byte[length];
        in.get(unit);
        return unit;
    }

    private static void require(byte[] record, List<byte[]> units, String name) {
        if (units.isEmpty()) {
            throw malformed(record, "holds no " + name);
        }
    }

    private static IllegalArgumentException malformed(byte[] record, String cause) {
        return new IllegalArgumentException("malformed hvcC (" + record.length + " bytes): " + cause);
    }

    /** @return the VPS, then the SPS, then the PPS, in record order */
    public List<byte[]> parameterSets() {
        List<byte[]> all = new ArrayList<>(vps);
        all.addAll(sps);
        all.addAll(pps);
        return all;
    }
}
