package org.tributary.rtsp.internal;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

/**
 * Sits behind the {@code SslHandler} of an RTSPS connection until its handshake ends. A failed
 * handshake (plain RTSP or garbage on the TLS port, a client that rejects the certificate, one that
 * never finishes in time) closes the connection with one log line and counts it; the error Netty
 * raises for it stops here instead of reaching the RTSP handlers. A good handshake removes the watcher.
 */
final class TlsHandshakeWatcher extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TlsHandshakeWatcher.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    /** Netty's message for a non-TLS record carries a hex dump of what the client sent: keep the log short. */
    private static final int MAX_CAUSE_CHARS = 120;

    private final LongAdder failures;
    private boolean failed;

    TlsHandshakeWatcher(LongAdder failures) {
        this.failures = failures;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                ctx.pipeline().remove(this);
            } else if (!failed) {
                failed = true;
                failures.increment();
                REFUSALS.info(ctx.channel().remoteAddress(),
                        "RTSPS handshake from {} on {} failed: {}; connection closed ({} failed handshakes so far)",
                        ctx.channel().remoteAddress(), ctx.channel().localAddress(), shortCause(done.cause()),
                        failures.sum());
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // before the handshake completed: its completion event names the cause; only make sure it closes
        ctx.close();
    }

    static String shortCause(Throwable cause) {
        if (cause instanceof ClosedChannelException) {
            // a client that rejects the certificate often just hangs up; so does a port probe
            return "the client closed the connection before the handshake ended";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() <= MAX_CAUSE_CHARS ? text : text.substring(0, MAX_CAUSE_CHARS) + "…";
    }
}
