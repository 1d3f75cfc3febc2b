package org.tributary.rtsp.internal.guard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtsp.internal.guard.EmbeddedTime.after;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspVersions;
import org.junit.Test;

/** Slowloris and pipelining against the request deadline and the request boundary. */
public class RequestDeadlineTest {

    private static final ConnectionTimeouts TIMEOUTS = new ConnectionTimeouts(Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofSeconds(10));

    private static EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(OutboundGuard.NAME, new OutboundGuard(() -> TIMEOUTS))
                .addLast(RequestDeadline.NAME, new RequestDeadline(() -> TIMEOUTS))
                .addLast(new RtspDecoder(), new HttpObjectAggregator(65536))
                .addLast(RequestBoundary.NAME, new RequestBoundary());
        return channel;
    }

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    @Test
    public void aRequestTrickledByteByByteIsClosedAfterTheRequestTimeout() {
        EmbeddedChannel channel = channel();
        String request = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
        for (int i = 0; i < request.length() && channel.isActive(); i++) {
            channel.writeInbound(text(request.substring(i, i + 1)));
            after(channel, 3);
            assertTrue("open while within the timeout", channel.isActive() || i >= 3);
        }
        assertFalse("closed after 10 s of one byte every 3 s", channel.isActive());
        channel.finishAndReleaseAll();
    }

    @Test
    public void wholeRequestsKeepTheConnectionOpenAndASilentOneIsNotTimed() {
        EmbeddedChannel channel = channel();
        for (int i = 0; i < 5; i++) {
            channel.writeInbound(text("OPTIONS * RTSP/1.0\r\nCSeq: " + i + "\r\n"));
            after(channel, 8);
            channel.writeInbound(text("\r\n"));
            FullHttpRequest request = channel.readInbound();
            request.release();
            after(channel, 30);
        }
        assertTrue(channel.isActive());
        channel.finishAndReleaseAll();
    }

    @Test
    public void pipelinedRequestsStopReadingAtTheInFlightCapUntilAnswered() {
        EmbeddedChannel channel = channel();
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < RequestBoundary.MAX_IN_FLIGHT; i++) {
            burst.append("OPTIONS * RTSP/1.0\r\nCSeq: ").append(i).append("\r\n\r\n");
        }
        channel.writeInbound(text(burst.toString()));
        assertFalse("reading paused at the cap", channel.config().isAutoRead());
        for (int i = 0; i < RequestBoundary.MAX_IN_FLIGHT; i++) {
            ((FullHttpRequest) channel.readInbound()).release();
        }
        for (int i = 0; i < RequestBoundary.MAX_IN_FLIGHT / 2; i++) {
            channel.writeAndFlush(new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, HttpResponseStatus.OK));
        }
        assertTrue("reading resumed once half were answered", channel.config().isAutoRead());
        assertEquals(RequestBoundary.MAX_IN_FLIGHT / 2, channel.outboundMessages().size());
        channel.finishAndReleaseAll();
    }
}
