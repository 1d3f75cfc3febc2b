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

public class H264PacketizerTest {

    private static final byte[] SPS = bytes(0x67, 0x42, 0x00, 0x1E, 0xAA);
    private static final byte[] PPS = bytes(0x68, 0xCE, 0x38, 0x80);

    /** Length-prefixes each unit, as MP4 stores them. */
    private static byte[] avcc(byte[]... nals) {
        List<byte[]> parts = new ArrayList<>();
        for (byte[] nal : nals) {
            parts.add(ByteBuffer.allocate(4).putInt(nal.length).array());
            parts.add(nal);
        }
        return concat(parts.toArray(new byte[0][]));
    }

    /** A NAL unit of {@code size} bytes: the header byte, then a counting pattern. */
    private static byte[] nal(int header, int size) {
        byte[] nal = new byte[size];
        nal[0] = (byte) header;
        for (int i = 1; i < size; i++) {
            nal[i] = (byte) (i * 7);
        }
        return nal;
    }

    private static RecordingSink packetize(H264Packetizer packetizer, byte[] sample) throws MediaException {
        RecordingSink sink = new RecordingSink();
        packetizer.packetize(ByteBuffer.wrap(sample), sink);
        return sink;
    }

    private static H264Packetizer withoutParameterSets() {
        return new H264Packetizer(1400, List.of());
    }

    @Test
    public void smallNalGoesAsSingleNalUnitPacketWithMarker() throws MediaException {
        RecordingSink sink = packetize(withoutParameterSets(), avcc(bytes(0x41, 0x9A, 0x02, 0x03)));

        assertEquals(1, sink.payloads.size());
        assertArrayEquals(bytes(0x41, 0x9A, 0x02, 0x03), sink.payloads.get(0).bytes());
        assertTrue(sink.payloads.get(0).marker());
    }

    @Test
    public void largeIdrIsSplitIntoFuAFragments() throws MediaException {
        byte[] idr = nal(0x65, 3000);

        List<RecordingSink.Payload> p = packetize(withoutParameterSets(), avcc(idr)).payloads;

        // 2999 bytes after the NAL header, 1398 per fragment: 1398 + 1398 + 203
        assertEquals(3, p.size());
        assertArrayEquals(concat(bytes(0x7C, 0x85), Arrays.copyOfRange(idr, 1, 1399)), p.get(0).bytes());
        assertArrayEquals(concat(bytes(0x7C, 0x05), Arrays.copyOfRange(idr, 1399, 2797)), p.get(1).bytes());
        assertArrayEquals(concat(bytes(0x7C, 0x45), Arrays.copyOfRange(idr, 2797, 3000)), p.get(2).bytes());
        assertEquals(1400, p.get(0).bytes().length);
        assertEquals(205, p.get(2).bytes().length);
        assertFalse(p.get(0).marker());
        assertFalse(p.get(1).marker());
        assertTrue(p.get(2).marker());
        assertArrayEquals(idr, H264Reassembler.reassemble(p).get(0));
    }

    @Test
    public void fuIndicatorKeepsForbiddenBitAndNri() throws MediaException {
        byte[] slice = nal(0xA1, 1500); // F=1, NRI=1, type 1

        List<RecordingSink.Payload> p = packetize(withoutParameterSets(), avcc(slice)).payloads;

        assertEquals(2, p.size());
        assertEquals((byte) 0xBC, p.get(0).bytes()[0]);
        assertEquals((byte) 0x81, p.get(0).bytes()[1]);
        assertEquals((byte) 0x41, p.get(1).bytes()[1]);
        assertArrayEquals(slice, H264Reassembler.reassemble(p).get(0));
    }

    @Test
    public void markerOnlyOnLastPacketOfTheAccessUnit() throws MediaException {
        byte[] sei = nal(0x06, 20);
        byte[] slice = nal(0x41, 2000);

        List<RecordingSink.Payload> p = packetize(withoutParameterSets(), avcc(sei, slice)).payloads;

        assertEquals(3, p.size());
        assertArrayEquals(sei, p.get(0).bytes());
        assertFalse(p.get(0).marker());
        assertFalse(p.get(1).marker());
        assertTrue(p.get(2).marker());
    }

    @Test
    public void accessUnitDelimiterAndFillerAreSkipped() throws MediaException {
        byte[] slice = bytes(0x41, 0x9A, 0x02, 0x03);

        List<RecordingSink.Payload> p = packetize(withoutParameterSets(),
                avcc(bytes(0x09, 0xF0), slice, bytes(0x0C, 0xFF, 0xFF, 0x80))).payloads;

        assertEquals(1, p.size());
        assertArrayEquals(slice, p.get(0).bytes());
        assertTrue("the last sent NAL ends the access unit", p.get(0).marker());
    }

    @Test
    public void nalTypesThatCollideWithRtpStructuresAreSkipped() throws MediaException {
        List<RecordingSink.Payload> p = packetize(withoutParameterSets(),
                avcc(bytes(0x78, 0x00, 0x01), bytes(0x7C, 0x85), bytes(0x41, 0x01))).payloads;

        assertEquals(1, p.size());
        assertArrayEquals(bytes(0x41, 0x01), p.get(0).bytes());
    }

    @Test
    public void parameterSetsGoAsOneStapABeforeAnIdr() throws MediaException {
        byte[] idr = bytes(0x65, 0x88, 0x84, 0x00);

        List<RecordingSink.Payload> p = packetize(new H264Packetizer(1400, List.of(SPS, PPS)), avcc(idr)).payloads;

        assertEquals(2, p.size());
        // STAP-A: F=0, NRI=max(3,3), type 24; then 16-bit size + unit for the SPS and the PPS
        assertArrayEquals(bytes(0x78, 0x00, 0x05, 0x67, 0x42, 0x00, 0x1E, 0xAA, 0x00, 0x04, 0x68, 0xCE, 0x38, 0x80),
                p.get(0).bytes());
        assertFalse(p.get(0).marker());
        assertArrayEquals(idr, p.get(1).bytes());
        assertTrue(p.get(1).marker());
    }

    @Test
    public void parameterSetsAreNotRepeatedBeforeNonIdrPictures() throws MediaException {
        List<RecordingSink.Payload> p = packetize(new H264Packetizer(1400, List.of(SPS, PPS)),
                avcc(bytes(0x41, 0x9A))).payloads;

        assertEquals(1, p.size());
    }

    @Test
    public void parameterSetsAreNotRepeatedWhenTheAccessUnitCarriesItsOwn() throws MediaException {
        byte[] ownSps = bytes(0x67, 0x4D, 0x40, 0x1E);
        byte[] ownPps = bytes(0x68, 0xEF, 0xBC, 0x80);
        byte[] idr = bytes(0x65, 0x88);

        List<byte[]> nals = H264Reassembler.reassemble(packetize(new H264Packetizer(1400, List.of(SPS, PPS)),
                avcc(ownSps, ownPps, idr)).payloads);

        assertEquals(3, nals.size());
        assertArrayEquals(ownSps, nals.get(0));
        assertArrayEquals(idr, nals.get(2));
    }

    @Test
    public void parameterSetsTooLargeForOneStapAGoOneByOne() throws MediaException {
        byte[] bigSps = nal(0x67, 20);
        byte[] idr = bytes(0x65, 0x88);
        H264Packetizer packetizer = new H264Packetizer(16, List.of(bigSps, PPS));

        List<RecordingSink.Payload> p = packetize(packetizer, avcc(idr)).payloads;

        // the 20-byte SPS needs two FU-A fragments (14 + 5 bytes), then the PPS and the IDR
        assertEquals(4, p.size());
        List<byte[]> nals = H264Reassembler.reassemble(p);
        assertEquals(3, nals.size());
        assertArrayEquals(bigSps, nals.get(0));
        assertArrayEquals(PPS, nals.get(1));
        assertArrayEquals(idr, nals.get(2));
        assertTrue(p.get(3).marker());
        assertFalse(p.get(2).marker());
    }

    @Test
    public void brokenNalLengthIsRefusedBeforeAnythingIsSent() {
        byte[] sample = concat(avcc(bytes(0x41, 0x01)), bytes(0x00, 0x00, 0x13, 0x88), new byte[10]);
        RecordingSink sink = new RecordingSink();

        MediaException e = assertThrows(MediaException.class,
                () -> withoutParameterSets().packetize(ByteBuffer.wrap(sample), sink));

        assertEquals(MediaException.Reason.CORRUPT, e.reason());
        assertEquals("H.264 sample: NAL unit length 5000 at offset 6 exceeds the 10 bytes left in the 20-byte sample",
                e.getMessage());
        assertTrue(sink.payloads.isEmpty());
    }

    @Test
    public void truncatedLengthPrefixIsRefused() {
        byte[] sample = concat(avcc(bytes(0x41, 0x01)), bytes(0x00, 0x00));

        MediaException e = assertThrows(MediaException.class,
                () -> withoutParameterSets().packetize(ByteBuffer.wrap(sample), new RecordingSink()));

        assertTrue(e.getMessage(), e.getMessage().contains("truncated NAL length prefix: 2 byte(s) left at offset 6"));
    }

    @Test
    public void lengthBeyondIntRangeIsRefused() {
        byte[] sample = bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x41);

        MediaException e = assertThrows(MediaException.class,
                () -> withoutParameterSets().packetize(ByteBuffer.wrap(sample), new RecordingSink()));

        assertTrue(e.getMessage(), e.getMessage().contains("NAL unit length 4294967295"));
    }

    @Test
    public void sampleWindowIsRespectedAndLeftUnchanged() throws MediaException {
        byte[] slice = bytes(0x41, 0x9A, 0x02);
        byte[] wrapped = concat(bytes(0xEE, 0xEE, 0xEE), avcc(slice), bytes(0xEE));
        ByteBuffer sample = ByteBuffer.wrap(wrapped).position(3).limit(wrapped.length - 1);
        RecordingSink sink = new RecordingSink();

        withoutParameterSets().packetize(sample, sink);

        assertArrayEquals(slice, sink.payloads.get(0).bytes());
        assertEquals(3, sample.position());
        assertEquals(wrapped.length - 1, sample.limit());
    }

    @Test
    public void emptySampleSendsNothing() throws MediaException {
        assertTrue(packetize(withoutParameterSets(), new byte[0]).payloads.isEmpty());
    }

    @Test
    public void realFirstAccessUnitRoundTripsAfterTheAvcCParameterSets() throws Exception {
        Mp4SampleFile file = Mp4SampleFile.open();
        ByteBuffer sample = file.firstVideoSample();
        PayloadFormat format = PayloadFormats.forTrack(PayloadFormatsTest.videoTrack(file.avcC()), 96);
        RecordingSink sink = new RecordingSink();

        format.packetizer().packetize(sample, sink);

        // the file's first access unit is SEI (697 bytes) + IDR (4760 bytes), without in-band SPS/PPS
        List<byte[]> expected = new ArrayList<>(List.of(PayloadFormatsTest.REAL_SPS, PayloadFormatsTest.REAL_PPS));
        for (ByteBuffer in = sample.duplicate(); in.hasRemaining(); ) {
            byte[] unit = new byte[in.getInt()];
            in.get(unit);
            expected.add(unit);
        }
        assertEquals(697, expected.get(2).length);
        assertEquals(4760, expected.get(3).length);
        List<byte[]> received = H264Reassembler.reassemble(sink.payloads);
        assertEquals(expected.size(), received.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals("NAL " + i, expected.get(i), received.get(i));
        }
        // STAP-A, SEI, IDR in 4 fragments (4759 bytes after the header, 1398 per fragment)
        assertEquals(6, sink.payloads.size());
        assertTrue(sink.payloads.stream().allMatch(p -> p.bytes().length <= 1400));
        assertEquals(1, sink.payloads.stream().filter(RecordingSink.Payload::marker).count());
        assertTrue(sink.payloads.get(5).marker());
    }

    @Test
    public void refusesOutOfRangePayloadSizeAndEmptyParameterSets() {
        assertThrows(IllegalArgumentException.class, () -> new H264Packetizer(15, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new H264Packetizer(65_496, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new H264Packetizer(1400, List.of(new byte[0])));
    }
}
