package org.tributary.mp3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.tributary.rtp.mpa.Mp3FrameHeader;

/**
 * Coverage-guided fuzzing of {@link FrameScanner}, which reads what sources send: any bytes, cut in any
 * pieces, come out as whole frames only (each starting with a header whose size it has), never more bytes
 * than went in, and a refusal only once more than {@link FrameScanner#MAX_UNSYNCED} bytes passed. Replays
 * {@code FrameScannerFuzzTestInputs/} (a small MP3 made by ffmpeg); {@code -Pfuzz} fuzzes it.
 */
class FrameScannerFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void scan(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int piece = 1 + (data[0] & 0xFF) * 7;
        FrameScanner scanner = new FrameScanner();
        long in = 0;
        long out = 0;
        for (int i = 1; i < data.length; i += piece) {
            int n = Math.min(piece, data.length - i);
            FrameScanner.Frames frames = new FrameScanner.Frames();
            boolean mp3 = scanner.scan(ByteBuffer.wrap(data, i, n), frames);
            in += n;
            out += assertWholeFrames(frames.toBuffer(), frames.count());
            if (!mp3) {
                assertNotNull(scanner.problem());
                assertTrue(in > FrameScanner.MAX_UNSYNCED || scanner.problem().contains("ID3"), scanner.problem());
                break;
            }
        }
        assertTrue(out <= in);
    }

    private static int assertWholeFrames(ByteBuffer frames, int count) {
        int size = frames.remaining();
        int seen = 0;
        while (frames.hasRemaining()) {
            Mp3FrameHeader header = Mp3FrameHeader.parse(frames.getInt(frames.position()));
            assertNotNull(header, "a frame starts with a header");
            assertTrue(header.frameSize() <= frames.remaining(), "a frame is whole");
            frames.position(frames.position() + header.frameSize());
            seen++;
        }
        assertEquals(count, seen);
        return size;
    }
}
