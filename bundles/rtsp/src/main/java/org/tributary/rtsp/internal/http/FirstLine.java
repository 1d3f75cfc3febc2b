package org.tributary.rtsp.internal.http;

import io.netty.buffer.ByteBuf;

/**
 * What the first line of a connection says it speaks. Only looks: nothing is consumed. Leading empty lines
 * are skipped; a first line longer than {@value #MAX_LINE} bytes is left to RTSP, whose framing answers it.
 *
 * <table>
 * <caption>Decisions</caption>
 * <tr><th>first line</th><th>kind</th></tr>
 * <tr><td>ends with {@code SP RTSP/d.d}</td><td>{@link Kind#RTSP}</td></tr>
 * <tr><td>ends with {@code SP HTTP/d.d}</td><td>{@link Kind#HTTP}</td></tr>
 * <tr><td>one word of visible characters (a Shoutcast v1 password)</td><td>{@link Kind#ICY}</td></tr>
 * <tr><td>anything else, or no line end within {@value #MAX_LINE} bytes</td><td>{@link Kind#RTSP}</td></tr>
 * </table>
 */
public final class FirstLine {

    /** The longest first line looked at. */
    public static final int MAX_LINE = 1024;

    /** What a connection speaks. */
    public enum Kind {
        /** The first line has not arrived whole yet. */
        UNDECIDED,
        RTSP,
        HTTP,
        /** A Shoutcast v1 source login: a password line. */
        ICY
    }

    private FirstLine() {
    }

    /** @return the kind of the first line of {@code in}, from its reader index */
    public static Kind classify(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        while (start < end && isLineBreak(in.getByte(start))) {
            start++;
        }
        int limit = Math.min(end, start + MAX_LINE);
        int lf = in.indexOf(start, limit, (byte) '\n');
        if (lf < 0) {
            return end - start >= MAX_LINE ? Kind.RTSP : Kind.UNDECIDED;
        }
        int lineEnd = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        if (endsWithVersion(in, start, lineEnd, "RTSP/")) {
            return Kind.RTSP;
        }
        if (endsWithVersion(in, start, lineEnd, "HTTP/")) {
            return Kind.HTTP;
        }
        return isOneWord(in, start, lineEnd) ? Kind.ICY : Kind.RTSP;
    }

    private static boolean isLineBreak(byte b) {
        return b == '\r' || b == '\n';
    }

    /** Whether the line ends with {@code SP PROTOCOL DIGIT+ "." DIGIT+}. */
    private static boolean endsWithVersion(ByteBuf in, int start, int end, String protocol) {
        int i = end - 1;
        int minor = i;
        while (i >= start && isDigit(in.getByte(i))) {
            i--;
        }
        if (i == minor || i < start || in.getByte(i) != '.') {
            return false;
        }
        int major = --i;
        while (i >= start && isDigit(in.getByte(i))) {
            i--;
        }
        if (i == major) {
            return false;
        }
        int protocolStart = i - protocol.length() + 1;
        if (protocolStart - 1 <= start) {
            return false;
        }
        for (int k = 0; k < protocol.length(); k++) {
            if (in.getByte(protocolStart + k) != protocol.charAt(k)) {
                return false;
            }
        }
        return in.getByte(protocolStart - 1) == ' ';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** A non-empty line without spaces or control characters (bytes above 0x7f are allowed: a password). */
    private static boolean isOneWord(ByteBuf in, int start, int end) {
        if (end <= start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            int b = in.getUnsignedByte(i);
            if (b <= ' ' || b == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
