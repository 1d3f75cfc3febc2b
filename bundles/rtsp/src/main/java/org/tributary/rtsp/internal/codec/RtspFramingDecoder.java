package org.tributary.rtsp.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * First inbound handler of an RTSP connection: splits the byte stream, where RTSP messages and
 * {@code $}-interleaved binary frames (RFC 2326 §10.12) alternate, into
 * <ul>
 * <li>one {@link ByteBuf} per RTSP message, holding exactly the start line, the headers, the blank
 * line and Content-Length bytes of body, for Netty's {@code RtspDecoder} placed after it;</li>
 * <li>one {@link InterleavedFrame} per binary frame ({@code '$'}, channel byte, 16-bit big-endian
 * length, payload);</li>
 * <li>a {@link BadRtspMessage} when the stream cannot be framed, after which every further byte is
 * discarded: the handler answers 400 and closes the connection.</li>
 * </ul>
 * CR and LF bytes between messages are skipped. Input may arrive in fragments of any size.
 *
 * <h2>Limits</h2>
 * <table class="striped">
 * <caption>What the decoder accepts</caption>
 * <tr><th>Name</th><th>Default</th><th>Meaning</th></tr>
 * <tr><td>{@code maxHeaderSection}</td><td>{@value #MAX_HEADER_SECTION}</td>
 * <td>Bytes of start line, headers and blank line together. More signals
 * {@link BadRtspMessage.Reason#HEADERS_TOO_LONG} as soon as that many bytes arrive without a blank
 * line.</td></tr>
 * <tr><td>{@code maxContentLength}</td><td>{@value #MAX_CONTENT_LENGTH}</td>
 * <td>Largest Content-Length (RTSP bodies are SDP and parameters). Content-Length must be a
 * non-negative decimal number; a larger, negative, non-numeric or conflicting value signals
 * {@link BadRtspMessage.Reason#BAD_CONTENT_LENGTH} once the headers are complete.</td></tr>
 * <tr><td>method length</td><td>{@value RtspMessageScanner#MAX_FIRST_TOKEN}</td>
 * <td>The first token of the start line (method or {@code RTSP/1.0}) must begin with a letter and
 * consist of token characters; the start line must contain no control byte and read
 * {@code METHOD URI RTSP/x.y}, {@code METHOD URI HTTP/x.y} or {@code RTSP/x.y CODE reason}.
 * Anything else (binary data, a TLS ClientHello) signals {@link BadRtspMessage.Reason#NOT_RTSP},
 * usually on its first byte.</td></tr>
 * <tr><td>interleaved payload</td><td>{@value InterleavedFrame#MAX_PAYLOAD}</td>
 * <td>Bounded by the 16-bit length field; frames are never copied.</td></tr>
 * </table>
 * Netty's {@code RtspDecoder} after this handler should be given limits at least as large
 * ({@code new RtspDecoder(MAX_HEADER_SECTION, MAX_HEADER_SECTION, MAX_CONTENT_LENGTH)}) and the
 * {@code HttpObjectAggregator} {@code MAX_CONTENT_LENGTH}, so that nothing framed here is refused
 * there.
 */
public final class RtspFramingDecoder extends ByteToMessageDecoder {

    /** Default limit of start line plus headers plus blank line, in bytes. */
    public static final int MAX_HEADER_SECTION = 8192;

    /** Default limit of Content-Length, in bytes. */
    public static final int MAX_CONTENT_LENGTH = 65536;

    private static final int FRAME_HEADER = 4;

    private final RtspMessageScanner scanner;
    private boolean discarding;

    /** Creates a decoder with the default limits. */
    public RtspFramingDecoder() {
        this(MAX_HEADER_SECTION, MAX_CONTENT_LENGTH);
    }

    /**
     * @param maxHeaderSection most bytes of start line, headers and blank line
     * @param maxContentLength largest Content-Length accepted
     */
    public RtspFramingDecoder(int maxHeaderSection, int maxContentLength) {
        if (maxHeaderSection < 64 || maxContentLength < 0) {
            throw new IllegalArgumentException("limits too small: header section " + maxHeaderSection
                    + ", content length " + maxContentLength);
        }
        this.scanner = new RtspMessageScanner(maxHeaderSection, maxContentLength);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return;
        }
        skipLineBreaks(in);
        if (!in.isReadable()) {
            return;
        }
        if (in.getByte(in.readerIndex()) == '$') {
            decodeFrame(in, out);
        } else {
            decodeMessage(in, out);
        }
    }

    private static void skipLineBreaks(ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.getByte(in.readerIndex());
            if (b != '\r' && b != '\n') {
                return;
            }
            in.skipBytes(1);
        }
    }

    private static void decodeFrame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < FRAME_HEADER) {
            return;
        }
        int start = in.readerIndex();
        int length = in.getUnsignedShort(start + 2);
        if (in.readableBytes() < FRAME_HEADER + length) {
            return;
        }
        int channel = in.getUnsignedByte(start + 1);
        in.skipBytes(FRAME_HEADER);
        out.add(new InterleavedFrame(channel, in.readRetainedSlice(length)));
    }

    private void decodeMessage(ByteBuf in, List<Object> out) {
        int length;
        try {
            length = scanner.scan(in);
        } catch (FramingViolation violation) {
            discarding = true;
            scanner.reset();
            in.skipBytes(in.readableBytes());
            out.add(violation.signal());
            return;
        }
        if (length >= 0 && in.readableBytes() >= length) {
            out.add(in.readRetainedSlice(length));
            scanner.reset();
        }
    }
}
