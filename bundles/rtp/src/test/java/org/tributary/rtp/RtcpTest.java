package org.tributary.rtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtp.RecordingSink.bytes;
import static org.tributary.rtp.RecordingSink.concat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.Test;

public class RtcpTest {

    private static final int SSRC = 0x1122_3344;
    private static final SenderInfo SENDER = new SenderInfo(SSRC, 0xE1F0_A2B3_8000_0000L, 0x0001_2345L,
            0x1_0000_0064L, 123_456L);
    private static final byte[] SENDER_REPORT = bytes(0x80, 0xC8, 0x00, 0x06, 0x11, 0x22, 0x33, 0x44,
            0xE1, 0xF0, 0xA2, 0xB3, 0x80, 0x00, 0x00, 0x00,
            0x00, 0x01, 0x23, 0x45,
            0x00, 0x00, 0x00, 0x64,
            0x00, 0x01, 0xE2, 0x40);
    private static final byte[] SDES_AB = bytes(0x81, 0xCA, 0x00, 0x03, 0x11, 0x22, 0x33, 0x44,
            0x01, 0x02, 'a', 'b', 0x00, 0x00, 0x00, 0x00);

    /** A receiver's compound: RR with two blocks, SDES CNAME "x", APP, BYE. */
    private static final byte[] CLIENT_COMPOUND = bytes(
            0x82, 0xC9, 0x00, 0x0D, 0xAA, 0xBB, 0xCC, 0xDD,
            0x11, 0x22, 0x33, 0x44, 0x40, 0xFF, 0xFF, 0xFE, 0x00, 0x01, 0x00, 0x10,
            0x00, 0x00, 0x01, 0xF4, 0xB7, 0x05, 0x20, 0x00, 0x00, 0x05, 0x40, 0x00,
            0x55, 0x66, 0x77, 0x88, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x12, 0x34,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x81, 0xCA, 0x00, 0x02, 0xAA, 0xBB, 0xCC, 0xDD, 0x01, 0x01, 'x', 0x00,
            0x80, 0xCC, 0x00, 0x02, 0xAA, 0xBB, 0xCC, 0xDD, 'n', 'a', 'm', 'e',
            0x81, 0xCB, 0x00, 0x01, 0xAA, 0xBB, 0xCC, 0xDD);
    private static final ReportBlock FIRST_BLOCK = new ReportBlock(SSRC, 64, -2, 65_552, 500,
            0xB705_2000L, 0x0005_4000L);
    private static final int RR_SIZE = 56;

    private static byte[] written(Consumer<ByteBuf> writer) {
        ByteBuf out = Unpooled.buffer();
        writer.accept(out);
        return ByteBufUtil.getBytes(out);
    }

    @Test
    public void senderReportWithCname() {
        assertArrayEquals(concat(SENDER_REPORT, SDES_AB), written(out -> Rtcp.writeSenderReport(out, SENDER, "ab")));
    }

    @Test
    public void cnameItemIsNullTerminatedToAWordBoundary() {
        byte[] compound = written(out -> Rtcp.writeSenderReport(out, SENDER, "abc"));

        assertArrayEquals(bytes(0x81, 0xCA, 0x00, 0x03, 0x11, 0x22, 0x33, 0x44, 0x01, 0x03, 'a', 'b', 'c', 0, 0, 0),
                Arrays.copyOfRange(compound, SENDER_REPORT.length, compound.length));
    }

    @Test
    public void byeAfterFinalSenderReport() {
        byte[] bye = bytes(0x81, 0xCB, 0x00, 0x02, 0x11, 0x22, 0x33, 0x44, 0x03, 'b', 'y', 'e');

        assertArrayEquals(concat(SENDER_REPORT, SDES_AB, bye), written(out -> Rtcp.writeBye(out, SENDER, "ab", "bye")));
    }

    @Test
    public void byeAfterEmptyReceiverReportWhenNothingWasSent() {
        byte[] emptyRr = bytes(0x80, 0xC9, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44);
        byte[] bye = bytes(0x81, 0xCB, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44);
        byte[] byeWithPaddedReason = bytes(0x81, 0xCB, 0x00, 0x03, 0x11, 0x22, 0x33, 0x44,
                0x04, 'g', 'o', 'n', 'e', 0x00, 0x00, 0x00);

        assertArrayEquals(concat(emptyRr, SDES_AB, bye), written(out -> Rtcp.writeBye(out, SSRC, "ab", null)));
        assertArrayEquals(concat(emptyRr, SDES_AB, byeWithPaddedReason),
                written(out -> Rtcp.writeBye(out, SSRC, "ab", "gone")));
    }

    @Test
    public void refusesEmptyOrOverlongTexts() {
        assertThrows(IllegalArgumentException.class, () -> Rtcp.writeSenderReport(Unpooled.buffer(), SENDER, ""));
        assertThrows(IllegalArgumentException.class,
                () -> Rtcp.writeBye(Unpooled.buffer(), SSRC, "ab", "x".repeat(256)));
    }

    @Test
    public void readsReportBlocksAndByeOfAReceiverCompound() {
        ByteBuf in = Unpooled.wrappedBuffer(CLIENT_COMPOUND);

        RtcpFeedback feedback = Rtcp.parse(in);

        assertEquals(2, feedback.reports().size());
        assertEquals(FIRST_BLOCK, feedback.reports().get(0));
        assertEquals(new ReportBlock(0x5566_7788, 0, 5, 0x1234, 0, 0, 0), feedback.reports().get(1));
        assertTrue(feedback.bye());
        assertEquals(0, in.readerIndex());
        assertEquals(0.25, FIRST_BLOCK.fractionLostRatio(), 0);
        assertEquals(5.5555, FIRST_BLOCK.jitterMillis(90_000), 1e-4);
    }

    @Test
    public void readsReportBlocksOfASenderReport() {
        byte[] sr = concat(bytes(0x81, 0xC8, 0x00, 0x0C), Arrays.copyOfRange(SENDER_REPORT, 4, 28),
                Arrays.copyOfRange(CLIENT_COMPOUND, 8, 32));

        RtcpFeedback feedback = Rtcp.parse(Unpooled.wrappedBuffer(sr));

        assertEquals(1, feedback.reports().size());
        assertEquals(FIRST_BLOCK, feedback.reports().get(0));
        assertFalse(feedback.bye());
    }

    @Test
    public void keepsWhatWasValidBeforeABadLength() {
        byte[] damaged = CLIENT_COMPOUND.clone();
        damaged[RR_SIZE + 3] = (byte) 0xFF; // the SDES claims 1024 bytes

        RtcpFeedback feedback = Rtcp.parse(Unpooled.wrappedBuffer(damaged));

        assertEquals(2, feedback.reports().size());
        assertFalse("the BYE after the damage is not reached", feedback.bye());
    }

    @Test
    public void reportCountBeyondThePacketLengthYieldsNothing() {
        byte[] damaged = CLIENT_COMPOUND.clone();
        damaged[0] = (byte) 0x83;

        assertEquals(RtcpFeedback.EMPTY, Rtcp.parse(Unpooled.wrappedBuffer(damaged)));
    }

    @Test
    public void everyTruncationKeepsOnlyWholePackets() {
        for (int length = 0; length <= CLIENT_COMPOUND.length; length++) {
            RtcpFeedback feedback = Rtcp.parse(Unpooled.wrappedBuffer(CLIENT_COMPOUND, 0, length));

            assertEquals("length " + length, length >= RR_SIZE ? 2 : 0, feedback.reports().size());
            assertEquals("length " + length, length == CLIENT_COMPOUND.length, feedback.bye());
        }
    }

    @Test
    public void garbageNeverThrows() {
        Random random = new Random(3550);
        for (int i = 0; i < 20_000; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            RtcpFeedback fromNoise = Rtcp.parse(Unpooled.wrappedBuffer(noise));

            byte[] mutated = CLIENT_COMPOUND.clone();
            for (int j = random.nextInt(4); j >= 0; j--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            RtcpFeedback fromMutation = Rtcp.parse(Unpooled.wrappedBuffer(mutated, 0, random.nextInt(mutated.length + 1)));

            assertTrue(fromNoise.reports().size() <= noise.length / 24);
            assertTrue(fromMutation.reports().size() <= 31);
        }
    }

    @Test
    public void roundTripTimeFollowsTheRfcExample() {
        // RFC 3550 figure 2: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 0x0005:4000 -> 6.125 s
        long arrival = 0x0000_B710_8000_0000L;

        assertEquals(Optional.of(Duration.ofMillis(6_125)), Rtcp.roundTripTime(arrival, FIRST_BLOCK));
    }

    @Test
    public void noRoundTripTimeWithoutSenderReportOrWithNegativeResult() {
        ReportBlock noSr = new ReportBlock(SSRC, 0, 0, 0, 0, 0, 0);
        ReportBlock late = new ReportBlock(SSRC, 0, 0, 0, 0, 0xB710_8000L, 0x0000_0001L);

        assertEquals(Optional.empty(), Rtcp.roundTripTime(0x0000_B710_8000_0000L, noSr));
        assertEquals(Optional.empty(), Rtcp.roundTripTime(0x0000_B710_8000_0000L, late));
    }

    @Test
    public void ntpTimeFromWallClock() {
        assertEquals(0x83AA_7E80_0000_0000L, NtpTime.fromInstant(Instant.EPOCH));
        assertEquals(0x83AA_7E81_8000_0000L, NtpTime.fromInstant(Instant.ofEpochSecond(1, 500_000_000)));
        assertEquals(0xB710_8000L, NtpTime.compact(0x0000_B710_8000_0000L));
    }

    @Test
    public void writesIntoAByteBufferExactlyTheAnnouncedSize() {
        ByteBuffer report = ByteBuffer.allocate(Rtcp.senderReportSize("ab"));
        Rtcp.writeSenderReport(report, SENDER, "ab");
        assertEquals(0, report.remaining());
        assertArrayEquals(concat(SENDER_REPORT, SDES_AB), report.array());

        for (String reason : new String[] {null, "", "gone", "leaving"}) {
            ByteBuffer bye = ByteBuffer.allocate(Rtcp.byeSize("ab", reason));
            Rtcp.writeBye(bye, SENDER, "ab", reason);
            assertEquals(reason, 0, bye.remaining());
            ByteBuf adapted = Unpooled.buffer(4);
            Rtcp.writeBye(adapted, SENDER, "ab", reason);
            assertArrayEquals(reason, bye.array(), ByteBufUtil.getBytes(adapted));
        }
    }
}
