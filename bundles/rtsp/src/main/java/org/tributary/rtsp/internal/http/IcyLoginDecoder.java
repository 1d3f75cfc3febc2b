package org.tributary.rtsp.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.tributary.api.http.HttpExchange;

/**
 * Reads a Shoutcast v1 source login: a password line, then {@code name:value} lines ({@code icy-name:...})
 * up to an empty line; lines end with LF or CRLF. The password becomes {@code Authorization: Basic
 * base64("source:" + password)}, and the login an exchange for the path "/" with method and version
 * {@link HttpExchange#ICY_LOGIN}; what follows the empty line is the body. libshout's probe (password
 * {@code !POKE}, sent before every real login to see whether the server accepts any password) is refused
 * here, at once. A malformed login is refused with {@code invalid password} and closed.
 */
final class IcyLoginDecoder extends ByteToMessageDecoder {

    static final int MAX_LINE = 1024;
    static final int MAX_HEADERS = 32;
    /** The password libshout sends to see whether the server refuses a wrong one. */
    static final String PROBE = "!POKE";

    private final HttpPort port;
    private final HttpHeaders headers = new DefaultHttpHeaders(false);
    private String password;
    /** Refused: nothing more is read. */
    private boolean refused;
    /** Handed to an exchange: the bytes after the login are its body. */
    private boolean dispatched;

    IcyLoginDecoder(HttpPort port) {
        this.port = port;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!refused && !dispatched && in.isReadable()) {
            int lf = in.indexOf(in.readerIndex(), Math.min(in.writerIndex(), in.readerIndex() + MAX_LINE + 2),
                    (byte) '\n');
            if (lf < 0) {
                if (in.readableBytes() > MAX_LINE + 1) {
                    refuse(ctx, "a line longer than " + MAX_LINE + " bytes");
                }
                break;
            }
            int end = lf > in.readerIndex() && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            String line = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.ISO_8859_1);
            in.readerIndex(lf + 1);
            line(ctx, line);
        }
        if (refused) {
            in.skipBytes(in.readableBytes());
        }
    }

    private void line(ChannelHandlerContext ctx, String line) {
        if (password == null) {
            if (!line.isEmpty()) {
                password = line;
                byte[] credentials = ("source:" + line).getBytes(StandardCharsets.ISO_8859_1);
                headers.add(HttpHeaderNames.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(credentials));
            }
            return;
        }
        if (line.isEmpty()) {
            login(ctx);
            return;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            refuse(ctx, "a line that is not NAME:VALUE");
        } else if (headers.size() > MAX_HEADERS) {
            refuse(ctx, "more than " + MAX_HEADERS + " header lines");
        } else {
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
    }

    private void login(ChannelHandlerContext ctx) {
        if (PROBE.equals(password)) {
            refuse(ctx, "libshout's probe (password " + PROBE + ")");
            return;
        }
        dispatched = true;
        RequestHead head = new RequestHead(HttpExchange.ICY_LOGIN, new RequestTarget("/", ""),
                HttpExchange.ICY_LOGIN, headers);
        // on success this decoder is replaced by the exchange's inlet, which gets the bytes after the login
        refused = !port.dispatch(ctx, head, ctx.name());
    }

    private void refuse(ChannelHandlerContext ctx, String cause) {
        refused = true;
        HttpPort.refuse(ctx, HttpExchange.ICY_LOGIN, 401, cause);
    }
}
