package org.tributary.rtsp.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.After;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.tributary.rtsp.internal.codec.WireBytes.ascii;
import static org.tributary.rtsp.internal.codec.WireBytes.bytes;
import static org.tributary.rtsp.internal.codec.WireBytes.concat;
import static org.tributary.rtsp.internal.codec.WireBytes.frame;

public class RtspFramingDecoderTest {

    private static final String DESCRIBE = "DESCRIBE rtsp://127.0.0.1:8554/sample.mp4 RTSP/1.0\r\n"
            + "CSeq: 2\r\nAccept: application/sdp\r\nUser-Agent: Lavf60.16.100\r\n\r\n";
    private static final String OPTIONS = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n";
    private static final String SET_PARAMETER = "SET_PARAMETER rtsp://127.0.0.1/live/x RTSP/1.0\r\n"
            + "CSeq: 7\r\nContent-Type: text/parameters\r\nContent-Length: 20\r\n\r\nbarparam: barstuff\r\n";

    private final EmbeddedChannel channel = new EmbeddedChannel(new RtspFramingDecoder());
    private final List<Object> received = new ArrayList<>();

    @After
    public void releaseEverything() {
        received.forEach(ReferenceCountUtil::release);
        channel.finishAndReleaseAll();
    }

    @Test
    public void describeSplitIntoSingleBytesIsOneMessage() {
        byte[] bytes = ascii(DESCRIBE);
        for (int i = 0; i < bytes.length; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
            if (i < bytes.length - 1) {
                assertNull("emitted before byte " + i + " of " + bytes.length, channel.readInbound());
            }
        }
        assertEquals(List.of(DESCRIBE), texts(drain()));
    }

    @Test
    public void twoPipelinedRequestsInOneBufferAreTwoMessages() {
        channel.writeInbound(buffer(ascii(OPTIONS + DESCRIBE)));
        assertEquals(List.of(OPTIONS, DESCRIBE), texts(drain()));
    }

    @Test
    public void strayLineBreaksBetweenMessagesAreSkipped() {
        channel.writeInbound(buffer(ascii("\r\n\n" + OPTIONS + "\r\n\r\n" + DESCRIBE + "\n")));
        assertEquals(List.of(OPTIONS, DESCRIBE), texts(drain()));
    }

    @Test
    public void bodyOfContentLengthBytesStaysWithItsRequest() {
        channel.writeInbound(buffer(ascii(SET_PARAMETER + OPTIONS)));
        assertEquals(List.of(SET_PARAMETER, OPTIONS), texts(drain()));
    }

    @Test
    public void bareLineFeedsEndLinesToo() {
        String request = "GET_PARAMETER rtsp://h/x RTSP/1.0\nCSeq: 3\nContent-Length: 2\n\nab";
        channel.writeInbound(buffer(ascii(request + OPTIONS)));
        assertEquals(List.of(request, OPTIONS), texts(drain()));
    }

    @Test
    public void framesBetweenAndInsideBurstKeepTheirOrder() {
        byte[] stream = concat(frame(0, 0x80, 0x60, 0x00, 0x01), ascii(OPTIONS), frame(1, 0x81, 0xC8),
                frame(0, 0x80), ascii(SET_PARAMETER), frame(3));
        channel.writeInbound(buffer(stream));
        List<Object> out = drain();
        assertEquals(6, out.size());
        assertFrame(out.get(0), 0, 0x80, 0x60, 0x00, 0x01);
        assertEquals(OPTIONS, text(out.get(1)));
        assertFrame(out.get(2), 1, 0x81, 0xC8);
        assertFrame(out.get(3), 0, 0x80);
        assertEquals(SET_PARAMETER, text(out.get(4)));
        assertFrame(out.get(5), 3);
    }

    @Test
    public void everySplitPointOfAMixedStreamGivesTheSameMessages() {
        byte[] stream = concat(frame(2, 1, 2, 3, 4, 5), ascii(SET_PARAMETER), frame(255, 9, 8),
                ascii("\r\n" + OPTIONS));
        for (int split = 1; split < stream.length; split++) {
            EmbeddedChannel fresh = new EmbeddedChannel(new RtspFramingDecoder());
            fresh.writeInbound(Unpooled.wrappedBuffer(stream, 0, split));
            fresh.writeInbound(Unpooled.wrappedBuffer(stream, split, stream.length - split));
            List<Object> out = new ArrayList<>();
            for (Object o; (o = fresh.readInbound()) != null; ) {
                out.add(o);
            }
            assertEquals("split at " + split, 4, out.size());
            assertFrame(out.get(0), 2, 1, 2, 3, 4, 5);
            assertEquals("split at " + split, SET_PARAMETER, text(out.get(1)));
            assertFrame(out.get(2), 255, 9, 8);
            assertEquals("split at " + split, OPTIONS, text(out.get(3)));
            out.forEach(ReferenceCountUtil::release);
            assertFalse(fresh.finish());
        }
    }

    @Test
    public void frameWaitsForItsWholePayload() {
        byte[] frame = frame(1, 0xAA, 0xBB, 0xCC);
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 0, 3));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 3, 3));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 6, 1));
        assertFrame(drain().get(0), 1, 0xAA, 0xBB, 0xCC);
    }

    @Test
    public void largestFramePassesWhole() {
        byte[] payload = new byte[InterleavedFrame.MAX_PAYLOAD];
        new Random(7).nextBytes(payload);
        byte[] header = {'$', 4, (byte) 0xFF, (byte) 0xFF};
        channel.writeInbound(buffer(concat(header, payload, ascii(OPTIONS))));
        List<Object> out = drain();
        InterleavedFrame frame = (InterleavedFrame) out.get(0);
        assertEquals(4, frame.channel());
        assertArrayEquals(payload, bytes(frame.content()));
        assertEquals(OPTIONS, text(out.get(1)));
    }

    @Test
    public void headerSectionOfExactlyTheLimitIsAccepted() {
        String request = requestWithHeaderSection(RtspFramingDecoder.MAX_HEADER_SECTION);
        channel.writeInbound(buffer(ascii(request)));
        assertEquals(List.of(request), texts(drain()));
    }

    @Test
    public void headerSectionOneByteOverTheLimitIsRejected() {
        String request = requestWithHeaderSection(RtspFramingDecoder.MAX_HEADER_SECTION + 1);
        channel.writeInbound(buffer(ascii(request)));
        BadRtspMessage bad = onlyBadMessage();
        assertEquals(BadRtspMessage.Reason.HEADERS_TOO_LONG, bad.reason());
        assertEquals("5", bad.cseq().orElseThrow());
    }

    @Test
    public void endlessHeadersAreRejectedOnceTheLimitArrives() {
        channel.writeInbound(buffer(ascii("DESCRIBE rtsp://h/x RTSP/1.0\r\n")));
        byte[] line = ascii("X-Filler: " + "y".repeat(100) + "\r\n");
        int sent = 0;
        while (channel.inboundMessages().isEmpty() && sent < 2 * RtspFramingDecoder.MAX_HEADER_SECTION) {
            channel.writeInbound(buffer(line));
            sent += line.length;
        }
        assertTrue("signalled after " + sent + " bytes", sent < RtspFramingDecoder.MAX_HEADER_SECTION + line.length);
        assertEquals(BadRtspMessage.Reason.HEADERS_TOO_LONG, onlyBadMessage().reason());
    }

    @Test
    public void badContentLengthsAreRejectedWithTheirCSeq() {
        for (String length : List.of("-1", "abc", "1000000000", "65537", "99999999999999999999", "", "1e3", "+5")) {
            EmbeddedChannel fresh = new EmbeddedChannel(new RtspFramingDecoder());
            fresh.writeInbound(buffer(ascii("ANNOUNCE rtsp://h/live/x RTSP/1.0\r\nContent-Length: " + length
                    + "\r\nCSeq: 4\r\n\r\nv=0\r\n")));
            Object out = fresh.readInbound();
            assertTrue("Content-Length " + length + " gave " + out, out instanceof BadRtspMessage);
            BadRtspMessage bad = (BadRtspMessage) out;
            assertEquals(BadRtspMessage.Reason.BAD_CONTENT_LENGTH, bad.reason());
            assertEquals("4", bad.cseq().orElseThrow());
            assertEquals(400, bad.status().code());
            assertTrue(bad.detail(), bad.detail().contains("Content-Length"));
            assertNull(fresh.readInbound());
            fresh.finishAndReleaseAll();
        }
    }

    @Test
    public void largestContentLengthIsAccepted() {
        String body = "a".repeat(RtspFramingDecoder.MAX_CONTENT_LENGTH);
        String request = "ANNOUNCE rtsp://h/x RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 65536\r\n\r\n" + body;
        channel.writeInbound(buffer(ascii(request)));
        assertEquals(List.of(request), texts(drain()));
    }

    @Test
    public void conflictingContentLengthsAreRejected() {
        channel.writeInbound(buffer(ascii("ANNOUNCE rtsp://h/x RTSP/1.0\r\ncontent-length: 3\r\n"
                + "Content-Length: 4\r\n\r\nabcd")));
        BadRtspMessage bad = onlyBadMessage();
        assertEquals(BadRtspMessage.Reason.BAD_CONTENT_LENGTH, bad.reason());
        assertTrue(bad.detail(), bad.detail().contains("conflicting"));
    }

    @Test
    public void tlsClientHelloIsRejectedOnItsFirstByte() {
        channel.writeInbound(buffer(new byte[] {0x16}));
        BadRtspMessage bad = onlyBadMessage();
        assertEquals(BadRtspMessage.Reason.NOT_RTSP, bad.reason());
        assertTrue(bad.detail(), bad.detail().contains("first byte 0x16"));
        channel.writeInbound(buffer(new byte[] {0x03, 0x01, 0x00, (byte) 0xA5, 0x01, 0x00, 0x00, (byte) 0xA1}));
        channel.writeInbound(buffer(ascii(OPTIONS)));
        assertNull("input after a bad message must be discarded", channel.readInbound());
    }

    @Test
    public void randomBinaryIsRejected() {
        for (int seed = 0; seed < 200; seed++) {
            byte[] garbage = new byte[512];
            new Random(seed).nextBytes(garbage);
            if (garbage[0] == '$' || garbage[0] == '\r' || garbage[0] == '\n') {
                garbage[0] = 0;
            }
            EmbeddedChannel fresh = new EmbeddedChannel(new RtspFramingDecoder());
            fresh.writeInbound(buffer(garbage));
            Object out = fresh.readInbound();
            assertTrue("seed " + seed + " gave " + out, out instanceof BadRtspMessage);
            assertEquals(BadRtspMessage.Reason.NOT_RTSP, ((BadRtspMessage) out).reason());
            fresh.finishAndReleaseAll();
        }
    }

    @Test
    public void implausibleStartLinesAreRejected() {
        List<String> lines = List.of("DESCRIBE rtsp://h/x RTSP/1.0 extra", "DESCRIBE rtsp://h/x FOO/1.0",
                "DESCRIBE  RTSP/1.0", "hello world", "DESCRIBE rtsp://h/x RTSP/1.0\tCSeq",
                "A".repeat(RtspMessageScanner.MAX_FIRST_TOKEN + 1), "{\"json\": true}", "GET /x HTTP/1.1\u0000",
                "0 rtsp://h/x RTSP/1.0", "-DESCRIBE rtsp://h/x RTSP/1.0");
        for (String line : lines) {
            EmbeddedChannel fresh = new EmbeddedChannel(new RtspFramingDecoder());
            fresh.writeInbound(buffer(ascii(line + "\r\n\r\n")));
            Object out = fresh.readInbound();
            assertTrue("\"" + line + "\" gave " + out, out instanceof BadRtspMessage);
            assertEquals(BadRtspMessage.Reason.NOT_RTSP, ((BadRtspMessage) out).reason());
            fresh.finishAndReleaseAll();
        }
    }

    @Test
    public void httpRequestsAndRtspResponsesArePlausible() {
        String get = "GET /sample.mp4 HTTP/1.1\r\nHost: h\r\nx-sessioncookie: abc\r\n\r\n";
        String response = "RTSP/1.0 200 OK\r\nCSeq: 9\r\nContent-Length: 3\r\n\r\nabc";
        String raw = "DESCRIBE rtsp://h/caf\u00e9.mp4 RTSP/1.0\r\nCSeq: 1\r\n\r\n";
        channel.writeInbound(buffer((get + response).getBytes(StandardCharsets.ISO_8859_1)));
        channel.writeInbound(buffer(raw.getBytes(StandardCharsets.ISO_8859_1)));
        List<Object> out = drain();
        assertEquals(List.of(get, response, raw), texts(out));
    }

    private String requestWithHeaderSection(int size) {
        String head = "DESCRIBE rtsp://h/x RTSP/1.0\r\nCSeq: 5\r\nX-Pad: ";
        String tail = "\r\n\r\n";
        return head + "p".repeat(size - head.length() - tail.length()) + tail;
    }

    private BadRtspMessage onlyBadMessage() {
        List<Object> out = drain();
        assertEquals(out.toString(), 1, out.size());
        return (BadRtspMessage) out.get(0);
    }

    private List<Object> drain() {
        List<Object> out = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            out.add(o);
        }
        received.addAll(out);
        return out;
    }

    private static void assertFrame(Object message, int channel, int... payload) {
        InterleavedFrame frame = (InterleavedFrame) message;
        assertEquals(channel, frame.channel());
        byte[] expected = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            expected[i] = (byte) payload[i];
        }
        assertArrayEquals(expected, bytes(frame.content()));
    }

    private static ByteBuf buffer(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }

    private static String text(Object message) {
        return new String(bytes((ByteBuf) message), StandardCharsets.ISO_8859_1);
    }

    private static List<String> texts(List<Object> messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(text(m)));
        return texts;
    }
}
