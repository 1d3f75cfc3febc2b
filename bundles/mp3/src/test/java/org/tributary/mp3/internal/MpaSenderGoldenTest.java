package org.tributary.mp3.internal;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

/**
 * The exact bytes a station's RTP track puts on the air for a fixed random seed: frames at 44.1 kHz, a
 * change to 48 kHz, and the sender reports. Taken from the sender as it was before it shared the project's
 * RTP sender; any change of the wire shows here.
 */
public class MpaSenderGoldenTest {

    private static final int HEADER_48K = 0xFFFB9464;

    @Test
    public void sameBytesAsBefore() throws Exception {
        FakeLive.Published publication = new FakeLive.Published("radio", "", "test");
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        MpaSender sender = new MpaSender(publication, new Random(7), nanos::get,
                () -> Instant.parse("2026-12-07T06:00:00Z").plusNanos(nanos.get()));

        sender.frames(ByteBuffer.wrap(TestFrames.frames(3)));
        nanos.addAndGet(6_000_000_000L);
        ByteBuffer frames = ByteBuffer.allocate(2 * 384);
        frames.putInt(HEADER_48K).put(new byte[380]).putInt(HEADER_48K).put(new byte[380]);
        sender.frames(frames.flip());

        StringBuilder headers = new StringBuilder();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] packet : publication.rtp) {
            headers.append(HexFormat.of().formatHex(packet, 0, 16)).append(' ');
            digest.update(packet);
        }
        assertEquals("800ea377bfc9945abb0f179900000000 800ea378bfc99d89bb0f17990000000"
                + "0 800ea379bfc9a6b8bb0f179900000000 800ea37abfc9afe7bb0f179900000"
                + "000 800ea37bbfc9b857bb0f179900000000",
                headers.toString().trim());
        assertEquals("7b0aac6416a2a276e4811eafdfc3358c10f2afeb118f8c5133bc9d66348b2679",
                HexFormat.of().formatHex(digest.digest()));
        StringBuilder reports = new StringBuilder();
        for (byte[] packet : publication.rtcp) {
            reports.append(HexFormat.of().formatHex(packet)).append(' ');
        }
        assertEquals("80c80006bb0f1799eec0c9e100000000bfc9afe700000003000004ef81ca0005"
                + "bb0f1799010d7472696275746172792d6d703300 80c80006bb0f1799eec0c9e"
                + "700000000bfc9c0c700000005000007f781ca0005bb0f1799010d74726962757"
                + "46172792d6d703300",
                reports.toString().trim());
    }
}
