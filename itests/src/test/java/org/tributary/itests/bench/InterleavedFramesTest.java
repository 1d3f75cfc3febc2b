package org.tributary.itests.bench;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class InterleavedFramesTest {

    private final InterleavedFrames frames = new InterleavedFrames();
    private final List<String> seen = new ArrayList<>();

    private void feed(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        frames.feed(ByteBuffer.wrap(bytes), (channel, payload) -> {
            StringBuilder text = new StringBuilder().append(channel).append(':');
            while (payload.hasRemaining()) {
                text.append(payload.get());
            }
            seen.add(text.toString());
        });
    }

    @Test
    public void cutsFramesSplitAcrossReads() {
        feed('$', 0, 0, 2, 7);
        assertEquals(List.of(), seen);
        feed(8, '$', 1, 0);
        feed(1, 5);
        assertEquals(List.of("0:78", "1:5"), seen);
    }

    @Test
    public void skipsBytesOutsideFrames() {
        feed('R', 'T', '$', 2, 0, 1, 4);
        assertEquals(List.of("2:4"), seen);
        assertEquals(2, frames.skipped());
    }

    @Test
    public void takesTheLargestFrame() {
        byte[] big = new byte[4 + 0xFFFF + 1];
        big[0] = '$';
        big[2] = (byte) 0xFF;
        big[3] = (byte) 0xFF;
        big[big.length - 1] = '$';
        List<Integer> lengths = new ArrayList<>();
        frames.feed(ByteBuffer.wrap(big), (channel, payload) -> lengths.add(payload.remaining()));
        assertEquals(List.of(0xFFFF), lengths);
    }
}
