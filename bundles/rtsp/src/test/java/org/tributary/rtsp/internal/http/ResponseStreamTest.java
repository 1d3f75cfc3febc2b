package org.tributary.rtsp.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtsp.internal.http.TestConnections.open;
import static org.tributary.rtsp.internal.http.TestConnections.portWith;
import static org.tributary.rtsp.internal.http.TestConnections.send;
import static org.tributary.rtsp.internal.http.TestConnections.written;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.Test;
import org.tributary.api.http.ResponseStream;
import org.tributary.rtsp.internal.guard.OutboundGuard;

/** Streamed answers: head, body without copies, back-pressure, and the hard bound on what a writer queues. */
public class ResponseStreamTest {

    private final List<ResponseStream> streams = new ArrayList<>();
    private final TestConnections.Recording listener = new TestConnections.Recording(
            e -> streams.add(e.stream(200, Map.of("Content-Type", "audio/mpeg"))));

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    public void theHeadThenTheBodyUntilTheWriterCloses() {
        EmbeddedChannel channel = open(portWith("/", listener), false);
        send(channel, "GET /radio HTTP/1.0\r\nIcy-MetaData: 1\r\n\r\n");
        ResponseStream out = streams.get(0);
        ByteBuffer frame = bytes("frame1");
        assertTrue(out.write(frame));
        assertEquals("the caller's position is not moved", 0, frame.position());
        assertTrue(out.write(bytes("frame2")));
        assertEquals("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\nConnection: close\r\n\r\nframe1frame2",
                written(channel));
        assertTrue(out.isOpen());
        out.close();
        channel.runPendingTasks();
        assertFalse(channel.isOpen());
        assertFalse(out.isOpen());
        assertFalse("writes after close are dropped", out.write(bytes("late")));
    }

    @Test
    public void headGetsOnlyTheHead() {
        EmbeddedChannel channel = open(portWith("/", listener), false);
        send(channel, "HEAD /radio HTTP/1.1\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nConnection: close\r\n\r\n", written(channel));
        assertFalse(channel.isOpen());
        assertFalse(streams.get(0).write(bytes("x")));
    }

    @Test
    public void writeSaysWhenToWaitAndOnWritableWhenToGoOn() {
        EmbeddedChannel channel = open(portWith("/", listener), false);
        channel.pipeline().addFirst(OutboundGuard.NAME, new OutboundGuard(() -> org.tributary.rtsp.internal.guard
                .ConnectionTimeouts.DEFAULTS));
        send(channel, "GET /radio HTTP/1.1\r\n\r\n");
        ResponseStream out = streams.get(0);
        AtomicInteger resumed = new AtomicInteger();
        out.onWritable(resumed::incrementAndGet);
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        assertFalse(out.writable());
        assertFalse("queued, but the writer should wait", out.write(bytes("frame")));
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();
        assertEquals(1, resumed.get());
        assertTrue(out.writable());
        assertTrue(written(channel).endsWith("frame"));
    }

    @Test
    public void aWriterThatIgnoresBackPressureIsClosedAtTheHardBound() {
        EmbeddedChannel channel = open(portWith("/", listener), false);
        // a client that reads nothing: writes never complete
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ReferenceCountUtil.release(msg);
            }
        });
        send(channel, "GET /radio HTTP/1.1\r\n\r\n");
        ResponseStream out = streams.get(0);
        ByteBuffer block = ByteBuffer.allocate(16 * 1024);
        int accepted = 0;
        while (out.isOpen() && accepted < 100) {
            out.write(block);
            accepted++;
        }
        channel.runPendingTasks();
        assertEquals("closed once over " + NettyResponseStream.HARD_BOUND + " bytes",
                NettyResponseStream.HARD_BOUND / block.capacity() + 1, accepted);
        assertFalse(channel.isOpen());
        assertTrue(HttpPort.inUse(channel));
    }
}
