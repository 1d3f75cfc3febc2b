package org.tributary.rtsp.internal.codec;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;

import java.util.Objects;
import java.util.Optional;

/**
 * Signal emitted by {@link RtspFramingDecoder} instead of a message when the byte stream cannot
 * be framed. Once it is emitted the decoder discards every further byte of the connection, so the
 * handler answers {@link #status()} (with {@link #cseq()} when known) and closes the connection:
 * the position of the next message in the stream can no longer be trusted.
 */
public final class BadRtspMessage {

    /** Why the stream could not be framed. */
    public enum Reason {
        /** The bytes are neither a {@code $} frame nor a plausible RTSP/HTTP start line (binary, TLS...). */
        NOT_RTSP,
        /** The start line and headers exceed {@link RtspFramingDecoder#MAX_HEADER_SECTION} bytes. */
        HEADERS_TOO_LONG,
        /** Content-Length is not a decimal number, is repeated with different values, or is too large. */
        BAD_CONTENT_LENGTH
    }

    private final Reason reason;
    private final String detail;
    private final String cseq;

    /**
     * @param reason the class of failure
     * @param detail a human-readable description naming the cause, for the log
     * @param cseq   the CSeq header value of the rejected request when it was read, or null
     */
    public BadRtspMessage(Reason reason, String detail, String cseq) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.cseq = cseq;
    }

    /** @return the class of failure */
    public Reason reason() {
        return reason;
    }

    /** @return a description naming the cause, suitable for the log */
    public String detail() {
        return detail;
    }

    /** @return the CSeq of the rejected request, when its headers could be read, to echo in the response */
    public Optional<String> cseq() {
        return Optional.ofNullable(cseq);
    }

    /** @return the status to answer with before closing: 400 Bad Request for every reason */
    public HttpResponseStatus status() {
        return RtspResponseStatuses.BAD_REQUEST;
    }

    @Override
    public String toString() {
        return "BadRtspMessage(" + reason + ": " + detail + (cseq == null ? "" : ", CSeq " + cseq) + ")";
    }
}
