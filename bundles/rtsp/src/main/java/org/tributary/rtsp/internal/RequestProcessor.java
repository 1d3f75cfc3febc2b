package org.tributary.rtsp.internal;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import io.netty.handler.codec.rtsp.RtspVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LivePresentation;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.rtp.PayloadFormats;
import org.tributary.rtp.RtpTrack;
import org.tributary.rtp.SdpOrigin;
import org.tributary.rtp.SdpWriter;
import org.tributary.rtp.rtsp.RtspHeaderException;
import org.tributary.rtp.rtsp.RtspUri;
import org.tributary.security.RefusalLog;

/**
 * Answers the RTSP methods of one connection (RFC 2326). Session methods live in
 * {@link SessionMethods}; this class handles the stateless ones and maps every failure to its
 * status, so a bad request never costs more than its own error response.
 */
final class RequestProcessor {

    static final String SERVER_NAME = "Tributary/0.1";
    private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    private static final long WRONG_LOGIN_DELAY_MILLIS = 1000;
    private static final String PUBLIC =
            "OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, PAUSE, RECORD, TEARDOWN, GET_PARAMETER, SET_PARAMETER";

    private final ServerContext context;
    private final Channel channel;
    private final SessionMethods sessionMethods;
    private final PublishMethods publishing;

    RequestProcessor(ServerContext context, Channel channel) {
        this.context = context;
        this.channel = channel;
        this.publishing = new PublishMethods(context, channel);
        this.sessionMethods = new SessionMethods(context, channel, publishing);
    }

    /** Answers one request; the future completes on the connection's event loop. */
    CompletionStage<FullHttpResponse> process(FullHttpRequest request) {
        String what = request.method() + " " + request.uri();
        Optional<FullHttpResponse> refusal = RequestPreconditions.refusal(request, ServerContext.clientName(channel));
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(refusal.get());
        }
        CompletionStage<FullHttpResponse> answer;
        try {
            answer = dispatch(request);
        } catch (RtspException | RtspHeaderException | AccessRefused e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.exceptionallyCompose(failure -> refused(what, failure));
    }

    /** Turns the refusals a request may end in into their answers; anything else stays a failure (500). */
    private CompletionStage<FullHttpResponse> refused(String what, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RtspException e) {
            LOG.debug("{} from {}: {} {}", what, channel.remoteAddress(), e.status().code(), e.getMessage());
            return CompletableFuture.completedFuture(RtspRequestHandler.status(e.status()));
        }
        if (cause instanceof RtspHeaderException e) {
            LOG.debug("{} from {}: {}", what, channel.remoteAddress(), e.getMessage());
            HttpResponseStatus status = RtspResponseStatuses.valueOf(e.statusCode());
            return CompletableFuture.completedFuture(RtspRequestHandler.status(status));
        }
        if (cause instanceof AccessRefused e) {
            return refusal(e.outcome());
        }
        return CompletableFuture.failedFuture(cause);
    }

    /**
     * Runs a step that may be refused inside a stage: its checked refusal fails the stage, to be answered
     * by {@link #refused}.
     */
    static <T> CompletionStage<T> attempt(Step<T> step) {
        try {
            return step.run();
        } catch (RtspException | RtspHeaderException | AccessRefused e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A step of a request that may be refused. */
    interface Step<T> {
        CompletionStage<T> run() throws RtspException, RtspHeaderException, AccessRefused;
    }

    /** 401 with challenges, 403 or 400; an answer to wrong credentials comes a second late, to slow guessing. */
    private CompletionStage<FullHttpResponse> refusal(RtspAuthorizer.Outcome outcome) {
        FullHttpResponse response = RtspRequestHandler.status(outcome.status());
        for (String challenge : outcome.challenges()) {
            response.headers().add(RtspHeaders.WWW_AUTHENTICATE, challenge);
        }
        if (!outcome.wrongLogin()) {
            return CompletableFuture.completedFuture(response);
        }
        CompletableFuture<FullHttpResponse> delayed = new CompletableFuture<>();
        channel.eventLoop().schedule(() -> delayed.complete(response), WRONG_LOGIN_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        return delayed;
    }

    private CompletionStage<FullHttpResponse> dispatch(FullHttpRequest request)
            throws RtspException, RtspHeaderException, AccessRefused {
        String method = request.method().name();
        switch (method) {
            case "OPTIONS":
                return done(options());
            case "DESCRIBE":
                return describe(request);
            case "SETUP":
                return sessionMethods.setup(request);
            case "PLAY":
                return done(sessionMethods.play(request, context.session(request, channel)));
            case "PAUSE":
                ServerSession paused = context.session(request, channel);
                if (paused instanceof RecordSession recording) {
                    return done(publishing.pause(recording));
                }
                return done(sessionMethods.pause(request, paused));
            case "TEARDOWN":
                ServerSession ended = context.session(request, channel);
                if (publishing.teardown(ended)) {
                    return done(RtspRequestHandler.status(RtspResponseStatuses.OK));
                }
                return done(sessionMethods.teardown(request, ended));
            case "ANNOUNCE":
                return done(publishing.announce(request));
            case "RECORD":
                return done(publishing.record(context.session(request, channel)));
            case "GET_PARAMETER":
            case "SET_PARAMETER":
                return done(sessionMethods.keepAlive(context.session(request, channel)));
            default:
                throw new RtspException(RtspResponseStatuses.NOT_IMPLEMENTED, "method " + method + " is not implemented");
        }
    }

    private static CompletionStage<FullHttpResponse> done(FullHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private FullHttpResponse options() {
        FullHttpResponse response = RtspRequestHandler.status(RtspResponseStatuses.OK);
        response.headers().set(RtspHeaders.PUBLIC, PUBLIC);
        return response;
    }

    private CompletionStage<FullHttpResponse> describe(FullHttpRequest request)
            throws RtspException, RtspHeaderException, AccessRefused {
        RtspUri uri = RtspUri.parse(request.uri());
        context.authorize(request, channel, uri.path(), Optional.empty());
        return context.open(uri.path(), channel.eventLoop()).thenApply(presentation -> describe(uri, presentation));
    }

    private FullHttpResponse describe(RtspUri uri, MediaPresentation presentation) {
        String host = channel.localAddress() instanceof InetSocketAddress local
                ? local.getAddress().getHostAddress() : "0.0.0.0";
        SdpOrigin origin = new SdpOrigin(System.currentTimeMillis(), 1, host);
        String sdp = presentation instanceof LivePresentation live
                ? SdpWriter.write(origin, uri.path(), live.mediaDescription())
                : SdpWriter.write(origin, uri.path(), presentation.duration(),
                        PayloadFormats.forTracks(presentation.tracks()));
        ByteBuf body = Unpooled.copiedBuffer(sdp, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, RtspResponseStatuses.OK, body);
        response.headers().set(RtspHeaders.CONTENT_TYPE, "application/sdp");
        response.headers().set(RtspHeaders.CONTENT_BASE, uri.baseUrl() + "/");
        response.headers().set(RtspHeaders.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    /** Opens a presentation, mapping the source's reasons to RTSP statuses and logging what the operator must see. */
    static MediaPresentation open(ServerContext context, String path) throws RtspException {
        try {
            return context.mounts().open(path);
        } catch (MediaException e) {
            throw mediaFailure(path, e);
        } catch (RuntimeException e) {
            REFUSALS.warn(path, "Opening {} failed unexpectedly", path, e);
            throw new RtspException(HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot open " + path);
        }
    }

    static RtspException mediaFailure(String path, MediaException e) {
        switch (e.reason()) {
            case NOT_FOUND:
                return new RtspException(RtspResponseStatuses.NOT_FOUND, e.getMessage());
            case UNSUPPORTED:
                // counted by path: the client is not known here, and only existing files get this far
                REFUSALS.warn(path, "Cannot play {}: {}", path, e.getMessage());
                return new RtspException(RtspResponseStatuses.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
            case OUT_OF_RANGE:
                return new RtspException(RtspResponseStatuses.INVALID_RANGE, e.getMessage());
            default:
                REFUSALS.warn(path, "Cannot play {}: {}", path, e.getMessage());
                return new RtspException(RtspResponseStatuses.INTERNAL_SERVER_ERROR, e.getMessage());
        }
    }

    /** An interleaved frame from the client: RTCP for one of the sessions on this connection. */
    void interleaved(int channelId, ByteBuf payload) {
        if (!publishing.interleaved(channelId, payload)) {
            sessionMethods.interleaved(channelId, payload);
        }
    }

    /** The connection closed. */
    void closed() {
        publishing.connectionClosed();
    }
}
