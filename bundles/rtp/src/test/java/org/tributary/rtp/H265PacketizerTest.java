package org.tributary.rtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtp.RecordingSink.bytes;
import static org.tributary.rtp.RecordingSink.concat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.tributary.api.MediaException;

/** Vectors computed by hand from RFC 7798 sections 1.1.4 (NAL header), 4.4.2 (AP) and 4.4.3 (FU). */
public class H265PacketizerTest {

    // type 32/33/34, LayerId 0, TID 1
    static final byte[] VPS = bytes(0x40, 0x01, 0x0C, 0x01);
    static final byte[] SPS = bytes(0x42, 0x01, 0x01, 0x01, 0x60);
    static final byte[] PPS = bytes(0x44, 0x01, 0xC1, 0x72);

    /** Length-prefixes each unit, as MP4 stores them. */
    static byte[] hvcc(byte[]... nals) {
        List<byte[]> parts = new ArrayList<>();
        for (byte[] nal : nals) {
            parts.add(ByteBuffer.allocate(4).putInt(nal.length).array());
            parts.add(nal);
        }
        return concat(parts.toArray(new byte[0][]));
    }

    /** A NAL unit of {@code size} bytes: the two header bytes, then a counting pattern. */
    private static byte[] nal(int header0, int header1, int size) {
        byte[] nal = new byte[size];
        nal[0] = (byte) header0;
        nal[1] = (byte) header1;
        for (int i = 2; i < size; i++) {
            nal[i] = (byte) (i * 7);
        }
        return nal;
    }

    private static List<RecordingSink.Payload> packetize(H265Packetizer packetizer, byte[] sample)
            throws MediaException {
        return RecordingSink.packetize(packetizer, ByteBuffer.wrap(sample));
    }

    private static H265Packetizer withoutParameterSets() {
        return new H265Packetizer(1400, List.of());
    }

    private static H265Packetizer withParameterSets() {
        return new H265Packetizer(1400, List.of(VPS, SPS, PPS));
    }

    @Test
    public void smallNalGoesAsSingleNalUnitPacketWithMarker() throws MediaException {
        byte[] trail = bytes(0x02, 0x01, 0xAF, 0x09); // TRAIL_R (type 1), LayerId 0, TID 1

        List<RecordingSink.Payload> p = packetize(withoutParameterSets(), hvcc(trail));

        assertEquals(1, p.size());
        assertArrayEquals(trail, p.get(0).bytes());
        assertTrue(p.get(0).marker());
    }

    @Test
    public void largeIdrIsSplitIntoFragmentationUnits() throws MediaException {
        byte[] idr = nal(0x26, 0x01, 3000); // IDR_W_RADL (type 19), LayerId 0, TID 1

        List<RecordingSink.Payload> p = packetize(withoutParameterSets(), hvcc(idr));

        // 2998 bytes after the 2-byte NAL header, 1397 per fragment (1400 - 2 - 1): 1397 + 1397 + 204
        // payload header: type 49 in place of 19 (0x62 0x01); FU header: S/E bits and type 19 (0x13)
        assertEquals(3, p.size());
        assertArrayEquals(concat(bytes(0x62, 0x01, 0x93), Arrays.copyOfRange(idr, 2, 1399)), p.get(0).bytes());
        assertArrayEquals(concat(bytes(0x62, 0x01, 0x13), Arrays.copyOfRange(idr, 1399, 2796)), p.get(1).bytes());
        assertArrayEquals(concat(bytes(0x62, 0x01, 0x53), Arrays.copyOfRange(idr, 2796, 3000)), p.get(2).bytes());
        assertEquals(1400, p.get(0).bytes().length);
        assertEquals(207, p.get(2).bytes().length);
        assertFalse(p.get(0).marker());
        assertFalse(p.get(1).marker());
        assertTrue(p.get(2).marker());
    }

    @Test
    public void fragmentPayloadHeaderKeepsForbiddenBitLayerIdAndTid() throws MediaException {
        // F=1, type 1, LayerId 37 (high bit in byte 0, low five bits 00101 in byte 1), TID 3
        byte[] slice = nal(0x83, 0x2B, 1500);

        List<RecordingSink.Payload> p = packetize(withoutParameterSets(), hvcc(slice));

        assertEquals(2, p.size());
        assertArrayEquals(bytes(0xE3, 0x2B, 0x81), Arrays.copyOf(p.get(0).bytes(), 3));
        assertArrayEquals(bytes(0xE3, 0x2B, 0x41), Arrays.copyOf(p.get(1).bytes(), 3));
        assertEquals(1400 + 104, p.get(0).bytes().length + p.get(1).bytes().length);
    }

    @Test
    public void parameterSetsGoAsOneAggregationPacketBeforeAnIrapPicture() throws MediaException {
        byte[] cra = bytes(0x2A, 0x01, 0xAD, 0x00); // CRA_NUT (type 21)

        List<RecordingSink.Payload> p = packetize(withParameterSets(), hvcc(cra));

        // AP: F=0, type 48, lowest LayerId 0 and TID 1 (0x60 0x01), then 16-bit size + unit each
        assertEquals(2, p.size());
        assertArrayEquals(bytes(0x60, 0x01, 0x00, 0x04, 0x40, 0x01, 0x0C, 0x01, 0x00, 0x05, 0x42, 0x01, 0x01, 0x01,
                0x60, 0x00, 0x04, 0x44, 0x01, 0xC1, 0x72), p.get(0).bytes());
        assertFalse(p.get(0).marker());
        assertArrayEquals(cra, p.get(1).bytes());
        assertTrue(p.get(1).marker());
    }

    @Test
    public void aggregationHeaderTakesTheLowestTidAndTheOrOfForbiddenBits() throws MediaException {
        byte[] vps = bytes(0xC0, 0x03, 0x0C); // F=1, TID 3
        byte[] sps = bytes(0x42, 0x02, 0x01); // TID 2
        H265Packetizer packetizer = new H265Packetizer(1400, List.of(vps, sps));

        List<RecordingSink.Payload> p = packetize(packetizer, hvcc(bytes(0x28, 0x01, 0x10))); // BLA_W_LP (16)

        assertArrayEquals(bytes(0xE0, 0x02), Arrays.copyOf(p.get(0).bytes(), 2));
    }

    @Test
    public void parameterSetsAreNotRepeatedBeforeNonIrapPictures() throws MediaException {
        assertEquals(1, packetize(withParameterSets(), hvcc(bytes(0x02, 0x01, 0xD0))).size());
    }

    @Test
    public void parameterSetsAreNotRepeatedWhenTheAccessUnitCarriesItsOwn() throws MediaException {
        byte[] idr = bytes(0x26, 0x01, 0x44); // IDR_W_RADL

        List<RecordingSink.Payload> p = packetize(withParameterSets(), hvcc(VPS, SPS, PPS, idr));

        assertEquals(4, p.size());
        assertArrayEquals(VPS, p.get(0).bytes());
        assertArrayEquals(idr, p.get(3).bytes());
    }

    @Test
    public void parameterSetsTooLargeForOneAggregationPacketGoOneByOne() throws MediaException {
        byte[] bigSps = nal(0x42, 0x01, 20);
        H265Packetizer packetizer = new H265Packetizer(16, List.of(VPS, bigSps));

        List<RecordingSink.Payload> p = packetize(packetizer, hvcc(bytes(0x26, 0x01, 0x55)));

        // VPS alone; the 20-byte SPS in two FUs of 13 + 5 bytes after its header; then the IDR
        assertEquals(4, p.size());
        assertArrayEquals(VPS, p.get(0).bytes());
        assertArrayEquals(concat(bytes(0x62, 0x01, 0xA1), Arrays.copyOfRange(bigSps, 2, 15)), p.get(1).bytes());
        assertArrayEquals(concat(bytes(0x62, 0x01, 0x61), Arrays.copyOfRange(bigSps, 15, 20)), p.get(2).bytes());
        assertFalse(p.get(2).marker());
        assertTrue(p.get(3).marker());
    }

    @Test
    public void delimitersFillerAndRtpReservedTypesAreSkipped() throws MediaException {
        byte[] slice = bytes(0x02, 0x01, 0x9A);

        List<RecordingSink.Payload> p = packetize(withoutParameterSets(), hvcc(bytes(0x46, 0x01, 0x50), slice,
                bytes(0x4C, 0x01, 0xFF), bytes(0x60, 0x01, 0x00), bytes(0x62, 0x01, 0x93)));

        assertEquals(1, p.size());
        assertArrayEquals(slice, p.get(0).bytes());
        assertTrue("the last sent NAL ends the access unit", p.get(0).marker());
    }

    @Test
    public void unitShorterThanItsHeaderIsRefusedBeforeAnythingIsSent() {
        RecordingSink sink = new RecordingSink();
        byte[] sample = hvcc(bytes(0x02, 0x01, 0x9A), bytes(0x02));

        MediaException e = assertThrows(MediaException.class,
                () -> withoutParameterSets().packetize(ByteBuffer.wrap(sample), sink));

        assertEquals(MediaException.Reason.CORRUPT, e.reason());
        assertEquals("H.265 sample: NAL unit 2 of 1 byte(s) is shorter than its 2-byte header", e.getMessage());
        assertTrue(sink.payloads.isEmpty());
    }

    @Test
    public void brokenNalLengthIsRefusedWithTheCodecNamed() {
        byte[] sample = concat(bytes(0x00, 0x00, 0x13, 0x88), new byte[10]);

        MediaException e = assertThrows(MediaException.class,
                () -> withoutParameterSets().packetize(ByteBuffer.wrap(sample), new RecordingSink()));

        assertTrue(e.getMessage(), e.getMessage().startsWith("H.265 sample: NAL unit length 5000"));
    }

    @Test
    public void refusesOutOfRangePayloadSizeAndParameterSetsShorterThanAHeader() {
        assertThrows(IllegalArgumentException.class, () -> new H265Packetizer(15, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new H265Packetizer(1400, List.of(bytes(0x40))));
    }
}
