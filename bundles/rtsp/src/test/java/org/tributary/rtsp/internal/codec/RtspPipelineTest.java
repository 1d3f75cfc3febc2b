package org.tributary.rtsp.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.rtsp.RtspDecoder;
import io.netty.handler.codec.rtsp.RtspEncoder;
import io.netty.handler.codec.rtsp.RtspHeaderNames;
import io.netty.handler.codec.rtsp.RtspMethods;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import io.netty.util.ReferenceCountUtil;
import org.junit.After;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtsp.internal.codec.WireBytes.ascii;
import static org.tributary.rtsp.internal.codec.WireBytes.bytes;
import static org.tributary.rtsp.internal.codec.WireBytes.concat;
import static org.tributary.rtsp.internal.codec.WireBytes.frame;

/** The framing decoder in front of Netty's RTSP codec, in the order the server uses. */
public class RtspPipelineTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new RtspFramingDecoder(),
            new InterleavedFrameEncoder(),
            new RtspDecoder(RtspFramingDecoder.MAX_HEADER_SECTION, RtspFramingDecoder.MAX_HEADER_SECTION,
                    RtspFramingDecoder.MAX_CONTENT_LENGTH),
            new RtspEncoder(),
            new HttpObjectAggregator(RtspFramingDecoder.MAX_CONTENT_LENGTH));
    private final List<Object> received = new ArrayList<>();

    @After
    public void releaseEverything() {
        received.forEach(ReferenceCountUtil::release);
        channel.finishAndReleaseAll();
    }

    @Test
    public void requestsAndFramesArriveInOrderEvenOneByteAtATime() {
        byte[] stream = concat(
                frame(1, 0x81, 0xC9, 0x00, 0x01),
                ascii("OPTIONS rtsp://127.0.0.1/sample.mp4 RTSP/1.0\r\nCSeq: 1\r\n\r\n"),
                frame(0, 0x80, 0x60),
                ascii("SET_PARAMETER rtsp://127.0.0.1/sample.mp4 RTSP/1.0\r\nCSeq: 2\r\nSession: 1234ABCD\r\n"
                        + "Content-Type: text/parameters\r\nContent-Length: 12\r\n\r\nvolume: 0.5\n"),
                frame(1));
        for (byte b : stream) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        List<Object> out = drain();
        assertEquals(out.toString(), 5, out.size());
        assertEquals(1, ((InterleavedFrame) out.get(0)).channel());
        FullHttpRequest options = (FullHttpRequest) out.get(1);
        assertTrue(options.decoderResult().isSuccess());
        assertEquals(RtspMethods.OPTIONS, options.method());
        assertEquals("rtsp://127.0.0.1/sample.mp4", options.uri());
        assertEquals("1", options.headers().get(RtspHeaderNames.CSEQ));
        assertArrayEquals(new byte[] {(byte) 0x80, 0x60}, bytes(((InterleavedFrame) out.get(2)).content()));
        FullHttpRequest set = (FullHttpRequest) out.get(3);
        assertEquals(RtspMethods.SET_PARAMETER, set.method());
        assertEquals("2", set.headers().get(RtspHeaderNames.CSEQ));
        assertEquals("1234ABCD", set.headers().get(RtspHeaderNames.SESSION));
        assertEquals("volume: 0.5\n", set.content().toString(StandardCharsets.US_ASCII));
        assertEquals(0, ((InterleavedFrame) out.get(4)).content().readableBytes());
    }

    /** The server answers 501 to unknown methods: Netty hands them over as ordinary requests. */
    @Test
    public void unknownMethodArrivesAsARequestWithThatMethod() {
        channel.writeInbound(Unpooled.wrappedBuffer(ascii("FOO /x RTSP/1.0\r\nCSeq: 3\r\n\r\n"
                + "OPTIONS * RTSP/1.0\r\nCSeq: 4\r\n\r\n")));
        List<Object> out = drain();
        FullHttpRequest foo = (FullHttpRequest) out.get(0);
        assertTrue(foo.decoderResult().isSuccess());
        assertEquals("FOO", foo.method().name());
        assertEquals("/x", foo.uri());
        assertEquals("3", foo.headers().get(RtspHeaderNames.CSEQ));
        FullHttpRequest options = (FullHttpRequest) out.get(1);
        assertEquals(RtspMethods.OPTIONS, options.method());
        assertEquals("*", options.uri());
    }

    /** With Netty's default limits a start line over 4096 bytes would become a failed response object. */
    @Test
    public void longestStartLineTheFramerAcceptsPassesTheRtspDecoder() {
        String uri = "rtsp://127.0.0.1/" + "a".repeat(RtspFramingDecoder.MAX_HEADER_SECTION - 100);
        channel.writeInbound(Unpooled.wrappedBuffer(ascii("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 8\r\n\r\n")));
        FullHttpRequest describe = (FullHttpRequest) drain().get(0);
        assertTrue(describe.decoderResult().toString(), describe.decoderResult().isSuccess());
        assertEquals(uri, describe.uri());
    }

    @Test
    public void badMessagePassesThroughTheRtspDecoder() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00}));
        List<Object> out = drain();
        assertEquals(out.toString(), 1, out.size());
        assertEquals(BadRtspMessage.Reason.NOT_RTSP, ((BadRtspMessage) out.get(0)).reason());
    }

    @Test
    public void responsesAndFramesShareTheOutboundPath() {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, RtspResponseStatuses.OK);
        response.headers().set(RtspHeaderNames.CSEQ, "5").setInt(RtspHeaderNames.CONTENT_LENGTH, 0);
        channel.writeOutbound(response, new InterleavedFrame(2, Unpooled.wrappedBuffer(new byte[] {7, 8})));
        StringBuilder wire = new StringBuilder();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            wire.append(((ByteBuf) o).toString(StandardCharsets.ISO_8859_1));
            ((ByteBuf) o).release();
        }
        assertEquals("RTSP/1.0 200 OK\r\ncseq: 5\r\ncontent-length: 0\r\n\r\n$\u0002\u0000\u0002\u0007\u0008",
                wire.toString());
    }

    private List<Object> drain() {
        List<Object> out = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            out.add(o);
        }
        received.addAll(out);
        return out;
    }
}
