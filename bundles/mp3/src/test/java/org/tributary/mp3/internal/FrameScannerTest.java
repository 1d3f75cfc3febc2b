package org.tributary.mp3.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.Test;

public class FrameScannerTest {

    private final FrameScanner scanner = new FrameScanner();
    private final ByteArrayOutputStream taken = new ByteArrayOutputStream();
    private int frames;

    private boolean feed(byte[] bytes, int piece) {
        for (int i = 0; i < bytes.length; i += piece) {
            FrameScanner.Frames out = new FrameScanner.Frames();
            boolean mp3 = scanner.scan(ByteBuffer.wrap(bytes, i, Math.min(piece, bytes.length - i)), out);
            ByteBuffer buffer = out.toBuffer();
            assertTrue(buffer.isReadOnly());
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            taken.writeBytes(copy);
            frames += out.count();
            if (!mp3) {
                return false;
            }
        }
        return true;
    }

    @Test
    public void framesCutAnywhereComeOutWhole() {
        byte[] stream = TestFrames.frames(20);
        for (int piece : new int[] {1, 7, 416, 417, 418, 5000}) {
            FrameScannerTest test = new FrameScannerTest();
            assertTrue(test.feed(stream, piece));
            // the last frame waits for the next header only while out of sync: 19 confirmed by their successor
            assertEquals("piece " + piece, 20, test.frames);
            assertArrayEquals(stream, test.taken.toByteArray());
        }
    }

    @Test
    public void id3TagsAndInfoFramesAreDropped() {
        byte[] tag = new byte[10 + 300];
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, tag, 0, 3);
        tag[3] = 4;
        tag[8] = 2; // syncsafe 2 * 128 + 44 = 300
        tag[9] = 44;
        Arrays.fill(tag, 10, tag.length, (byte) 0xFF);
        byte[] info = TestFrames.frames(1);
        System.arraycopy("Info".getBytes(StandardCharsets.US_ASCII), 0, info, 4 + 32, 4);
        byte[] audio = TestFrames.frames(5);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(tag);
        in.writeBytes(info);
        in.writeBytes(audio);
        assertTrue(feed(in.toByteArray(), 100));
        assertEquals(5, frames);
        assertArrayEquals(audio, taken.toByteArray());
    }

    @Test
    public void garbageIsSkippedAndSyncIsConfirmedByTheNextHeader() {
        byte[] audio = TestFrames.frames(5);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 1, 2, 3}); // a false sync
        in.writeBytes(Arrays.copyOf(audio, 2 * TestFrames.SIZE));
        in.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7});
        in.writeBytes(Arrays.copyOfRange(audio, 2 * TestFrames.SIZE, audio.length));
        assertTrue(feed(in.toByteArray(), 64));
        assertEquals(5, frames);
        assertArrayEquals(audio, taken.toByteArray());
    }

    @Test
    public void aStreamThatIsNotMp3IsRefusedAfterTheBound() {
        byte[] noise = new byte[FrameScanner.MAX_UNSYNCED * 2];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            if (noise[i] == (byte) 0xFF) {
                noise[i] = 0;
            }
        }
        assertFalse(feed(noise, 1000));
        assertEquals(0, frames);
        assertTrue(scanner.problem(), scanner.problem().contains("no MP3 frame"));
    }

    @Test
    public void lostSyncAfterGoodFramesIsRefusedToo() {
        byte[] audio = TestFrames.frames(3);
        byte[] text = "GET / HTTP/1.1\r\n".repeat(2000).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(audio);
        in.writeBytes(text);
        assertFalse(feed(in.toByteArray(), 512));
        assertEquals(3, frames);
    }

    @Test
    public void aHugeTagIsRefused() {
        byte[] tag = {'I', 'D', '3', 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F};
        assertFalse(feed(tag, 10));
        assertTrue(scanner.problem().contains("ID3"));
        assertNull(new FrameScanner().problem());
    }
}
