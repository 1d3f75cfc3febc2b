package org.tributary.rtsp.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link RtspFramingDecoder}: any byte stream, cut into pieces at any
 * points, is framed exactly as when it arrives in one piece; the decoder never throws, emits only
 * messages, interleaved frames and at most one {@link BadRtspMessage} (last), and never emits more
 * bytes than it received. Replays {@code RtspFramingDecoderFuzzTestInputs/} in a normal build;
 * {@code -Pfuzz} fuzzes it.
 */
class RtspFramingDecoderFuzzTest {

    private static final int MAX_PIECES = 64;

    @FuzzTest(maxDuration = "3m")
    void frame(FuzzedDataProvider data) {
        int pieces = data.consumeInt(1, MAX_PIECES);
        int[] cuts = new int[pieces - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = data.consumeInt(0, 1 << 16);
        }
        byte[] stream = data.consumeRemainingAsBytes();

        List<String> whole = decode(stream, new int[0]);
        List<String> split = decode(stream, cuts);
        assertEquals(whole, split, "framing depends on how the stream was cut");
    }

    /** @return one line per emitted object: its kind and its bytes in hex */
    private static List<String> decode(byte[] stream, int[] cuts) {
        EmbeddedChannel channel = new EmbeddedChannel(new RtspFramingDecoder());
        List<String> out = new ArrayList<>();
        long emitted = 0;
        int at = 0;
        for (int i = 0; i <= cuts.length && at <= stream.length; i++) {
            int end = i < cuts.length ? Math.min(stream.length, at + cuts[i]) : stream.length;
            channel.writeInbound(Unpooled.wrappedBuffer(stream, at, end - at));
            at = end;
            for (Object msg = channel.readInbound(); msg != null; msg = channel.readInbound()) {
                try {
                    if (!out.isEmpty() && out.get(out.size() - 1).startsWith("bad ")) {
                        fail("emitted " + msg + " after " + out.get(out.size() - 1));
                    }
                    emitted += size(msg);
                    out.add(describe(msg));
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }
        }
        assertTrue(emitted <= stream.length, "emitted " + emitted + " bytes out of " + stream.length);
        channel.finishAndReleaseAll();
        return out;
    }

    private static long size(Object msg) {
        if (msg instanceof InterleavedFrame frame) {
            return 4 + frame.content().readableBytes();
        }
        return msg instanceof ByteBuf buf ? buf.readableBytes() : 0;
    }

    private static String describe(Object msg) {
        if (msg instanceof InterleavedFrame frame) {
            return "frame " + frame.channel() + " " + ByteBufUtil.hexDump(frame.content());
        }
        if (msg instanceof ByteBuf buf) {
            return "message " + ByteBufUtil.hexDump(buf);
        }
        if (msg instanceof BadRtspMessage bad) {
            return "bad " + bad.reason();
        }
        throw new AssertionError("unexpected " + msg.getClass().getName() + ": " + msg);
    }
}
