package org.tributary.rtsp.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.rtsp.RtspVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtsp.internal.codec.BadRtspMessage;
import org.tributary.rtsp.internal.codec.InterleavedFrame;
import org.tributary.rtsp.internal.guard.RefusalCounter;
import org.tributary.security.RefusalLog;

/**
 * The end of each connection's pipeline: answers requests through a {@link RequestProcessor},
 * routes interleaved RTCP to its session, and turns bad input into a status and a closed
 * connection without disturbing anyone else. Answers leave in request order (RFC 2326 §10: a
 * pipelining client matches them by order), even when an earlier one completes later (a DESCRIBE
 * opening its source, a wrong login answered a second late); a client with more than
 * {@value #MAX_UNANSWERED} requests unanswered is disconnected, so the queue stays bounded.
 */
final class RtspRequestHandler extends SimpleChannelInboundHandler<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(RtspRequestHandler.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    /** Requests a connection may have in flight; players pipeline a few at most. */
    static final int MAX_UNANSWERED = 32;

    /** The answer to one request, once known, and whether the connection closes after it. */
    private static final class Answer {
        private FullHttpResponse response;
        private boolean close;
    }

    private final ServerContext context;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private RequestProcessor processor;

    RtspRequestHandler(ServerContext context) {
        this.context = context;
    }

    /** Added once the connection's first bytes told it speaks RTSP, so the channel is already active. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (processor == null) {
            start(ctx);
        }
        super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        processor = new RequestProcessor(context, ctx.channel());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (processor == null) {
            return;
        }
        if (msg instanceof InterleavedFrame frame) {
            processor.interleaved(frame.channel(), frame.content());
        } else if (msg instanceof BadRtspMessage bad) {
            REFUSALS.info(ctx.channel().remoteAddress(), "Bad RTSP input from {}: {}; closing the connection",
                    ctx.channel().remoteAddress(), bad.detail());
            FullHttpResponse response = status(bad.status());
            bad.cseq().ifPresent(cseq -> response.headers().set(RtspHeaders.CSEQ, cseq));
            closeAfter(ctx, response);
        } else if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
            REFUSALS.info(ctx.channel().remoteAddress(), "Malformed RTSP request from {}: {}; closing the connection",
                    ctx.channel().remoteAddress(),
                    decoded.decoderResult().cause().toString());
            closeAfter(ctx, status(HttpResponseStatus.BAD_REQUEST));
        } else if (msg instanceof FullHttpRequest request) {
            if (answers.size() >= MAX_UNANSWERED) {
                REFUSALS.info(ctx.channel().remoteAddress(), "Closing RTSP connection from {}: {} requests unanswered",
                        ctx.channel().remoteAddress(),
                        answers.size());
                ctx.close();
                return;
            }
            Answer answer = new Answer();
            answers.add(answer);
            String cseq = request.headers().get(RtspHeaders.CSEQ);
            processor.process(request).whenComplete((response, error) -> {
                FullHttpResponse out = response != null ? response : failure(error);
                if (cseq != null) {
                    out.headers().set(RtspHeaders.CSEQ, cseq);
                }
                out.headers().set(RtspHeaders.SERVER, RequestProcessor.SERVER_NAME);
                if (ctx.executor().inEventLoop()) {
                    answered(ctx, answer, out);
                } else {
                    ctx.executor().execute(() -> answered(ctx, answer, out));
                }
            });
        }
    }

    /** Writes every answer that is known and has no unknown one before it. */
    private void answered(ChannelHandlerContext ctx, Answer answer, FullHttpResponse response) {
        answer.response = response;
        boolean wrote = false;
        while (!answers.isEmpty() && answers.peekFirst().response != null) {
            Answer next = answers.pollFirst();
            wrote = true;
            context.refusals().count(RefusalCounter.RTSP, next.response.status().code());
            if (next.close) {
                answers.clear();
                ctx.writeAndFlush(next.response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.write(next.response);
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private static FullHttpResponse failure(Throwable error) {
        LOG.error("RTSP request failed unexpectedly", error);
        return status(HttpResponseStatus.INTERNAL_SERVER_ERROR);
    }

    static FullHttpResponse status(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(RtspVersions.RTSP_1_0, status);
        response.headers().set(RtspHeaders.CONTENT_LENGTH, 0);
        return response;
    }

    /** Answers bad input after the answers of the requests before it, then closes. */
    private void closeAfter(ChannelHandlerContext ctx, FullHttpResponse response) {
        response.headers().set(RtspHeaders.CONNECTION, HttpHeaderValues.CLOSE);
        response.headers().set(RtspHeaders.SERVER, RequestProcessor.SERVER_NAME);
        Answer answer = new Answer();
        answer.close = true;
        answers.add(answer);
        answered(ctx, answer, response);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (processor != null) {
            processor.closed();
        }
        context.sessions().connectionClosed(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            REFUSALS.info(ctx.channel().remoteAddress(), "Closing RTSP connection from {}: {}",
                    ctx.channel().remoteAddress(), cause.getMessage());
        } else {
            LOG.debug("Closing RTSP connection from {} after an error", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
