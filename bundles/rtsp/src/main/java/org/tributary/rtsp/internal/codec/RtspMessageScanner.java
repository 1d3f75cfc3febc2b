package org.tributary.rtsp.internal.codec;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.tributary.rtsp.internal.codec.BadRtspMessage.Reason.BAD_CONTENT_LENGTH;
import static org.tributary.rtsp.internal.codec.BadRtspMessage.Reason.HEADERS_TOO_LONG;
import static org.tributary.rtsp.internal.codec.BadRtspMessage.Reason.NOT_RTSP;

/**
 * Finds where the text message starting at the reader index of a buffer ends (start line,
 * headers, blank line, then Content-Length bytes of body) without consuming anything. Scanning
 * resumes where the previous call stopped, so a message arriving one byte at a time costs linear
 * time. Lines end with LF, optionally preceded by CR, as Netty's HTTP decoder accepts.
 */
final class RtspMessageScanner {

    /** Longest first token of a start line: the method, or "RTSP/1.0" of a response. */
    static final int MAX_FIRST_TOKEN = 32;

    private static final Pattern REQUEST_LINE =
            Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+ \\S+ (?:RTSP|HTTP)/\\d\\.\\d");
    private static final Pattern STATUS_LINE = Pattern.compile("RTSP/\\d\\.\\d \\d{3}(?: [^\\r\\n]*)?");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,10}");
    private static final int ECHO_LIMIT = 60;

    private final int maxHeaderSection;
    private final int maxContentLength;

    private int position;
    private int lineStart;
    private int firstSpace;
    private boolean startLineDone;
    private long contentLength;
    private String cseq;
    private String contentLengthProblem;
    private int messageLength;

    RtspMessageScanner(int maxHeaderSection, int maxContentLength) {
        this.maxHeaderSection = maxHeaderSection;
        this.maxContentLength = maxContentLength;
        reset();
    }

    /** Forgets the message scanned so far; call after the message has been consumed. */
    void reset() {
        position = 0;
        lineStart = 0;
        firstSpace = -1;
        startLineDone = false;
        contentLength = -1;
        cseq = null;
        contentLengthProblem = null;
        messageLength = -1;
    }

    /**
     * @param in a buffer whose reader index is at the first byte of the message (never CR, LF or '$')
     * @return the length of the whole message, or -1 while more bytes are needed to know it
     * @throws FramingViolation when the bytes cannot be an RTSP message within the limits
     */
    int scan(ByteBuf in) throws FramingViolation {
        if (messageLength >= 0) {
            return messageLength;
        }
        int base = in.readerIndex();
        int available = Math.min(in.readableBytes(), maxHeaderSection);
        while (position < available) {
            int b = in.getUnsignedByte(base + position++);
            if (!startLineDone) {
                checkStartLineByte(b, position - 1);
            }
            if (b == '\n') {
                int end = position - 1;
                if (end > lineStart && in.getByte(base + end - 1) == '\r') {
                    end--;
                }
                if (!startLineDone) {
                    checkStartLine(in.toString(base, end, StandardCharsets.ISO_8859_1));
                    startLineDone = true;
                } else if (end == lineStart) {
                    return finishHeaders();
                } else {
                    headerLine(in.toString(base + lineStart, end - lineStart, StandardCharsets.ISO_8859_1));
                }
                lineStart = position;
            }
        }
        if (position >= maxHeaderSection) {
            throw violation(HEADERS_TOO_LONG, "start line and headers exceed " + maxHeaderSection + " bytes");
        }
        return -1;
    }

    /** Rejects binary data early, before a whole line has arrived. */
    private void checkStartLineByte(int b, int index) throws FramingViolation {
        if (b == '\n' || b == '\r') {
            return;
        }
        if (index == 0 && !isLetter(b)) {
            throw violation(NOT_RTSP, String.format("first byte 0x%02X is neither '$' nor the start of an RTSP "
                    + "request line", b));
        }
        if (b < 0x20 || b == 0x7F) {
            throw violation(NOT_RTSP, String.format("control byte 0x%02X at offset %d of the start line", b, index));
        }
        if (firstSpace >= 0) {
            return;
        }
        if (b == ' ') {
            firstSpace = index;
        } else if (!isTokenChar(b) && b != '/') {
            throw violation(NOT_RTSP, String.format("byte 0x%02X in the method of the start line", b));
        } else if (index >= MAX_FIRST_TOKEN) {
            throw violation(NOT_RTSP, "start line has no space within its first " + MAX_FIRST_TOKEN + " bytes");
        }
    }

    private void checkStartLine(String line) throws FramingViolation {
        if (!REQUEST_LINE.matcher(line).matches() && !STATUS_LINE.matcher(line).matches()) {
            throw violation(NOT_RTSP, "not an RTSP or HTTP start line: \"" + abbreviate(line) + "\"");
        }
    }

    private void headerLine(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (name.equalsIgnoreCase("Content-Length")) {
            contentLength(value);
        } else if (name.equalsIgnoreCase("CSeq") && cseq == null && DECIMAL.matcher(value).matches()) {
            cseq = value;
        }
    }

    /** Records the first problem only; it is reported once the headers are complete, with the CSeq. */
    private void contentLength(String value) {
        if (contentLengthProblem != null) {
            return;
        }
        if (!DECIMAL.matcher(value).matches()) {
            contentLengthProblem = value.length() > 10 && value.chars().allMatch(Character::isDigit)
                    ? "Content-Length " + abbreviate(value) + " exceeds " + maxContentLength + " bytes"
                    : "Content-Length \"" + abbreviate(value) + "\" is not a non-negative decimal number";
            return;
        }
        long length = Long.parseLong(value);
        if (length > maxContentLength) {
            contentLengthProblem = "Content-Length " + length + " exceeds " + maxContentLength + " bytes";
        } else if (contentLength >= 0 && contentLength != length) {
            contentLengthProblem = "conflicting Content-Length headers " + contentLength + " and " + length;
        } else {
            contentLength = length;
        }
    }

    private int finishHeaders() throws FramingViolation {
        if (contentLengthProblem != null) {
            throw violation(BAD_CONTENT_LENGTH, contentLengthProblem);
        }
        messageLength = position + (int) Math.max(contentLength, 0);
        return messageLength;
    }

    private FramingViolation violation(BadRtspMessage.Reason reason, String detail) {
        return new FramingViolation(new BadRtspMessage(reason, detail, cseq));
    }

    private static String abbreviate(String text) {
        return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + "...";
    }

    private static boolean isLetter(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }

    /** RFC 7230 tchar: what an HTTP or RTSP method may consist of. */
    private static boolean isTokenChar(int b) {
        return isLetter(b) || (b >= '0' && b <= '9') || (b < 0x80 && "!#$%&'*+-.^_`|~".indexOf(b) >= 0);
    }
}
