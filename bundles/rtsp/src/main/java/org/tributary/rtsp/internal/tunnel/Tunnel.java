package org.tributary.rtsp.internal.tunnel;

import java.net.InetAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.rtsp.internal.guard.OutboundGuard;
import org.tributary.security.RefusalLog;

/**
 * One RTSP-over-HTTP tunnel: the GET connection carries the RTSP session (responses and interleaved
 * media go out on it, as on a plain RTSP connection), and the current POST connection brings the
 * client's requests, which are decoded and handed to the GET connection's RTSP pipeline. A POST may
 * close and be replaced (QuickTime opens one per request); without any POST for the timeout, the
 * tunnel closes, and the POST closes with the GET. The POST is not read while the GET connection's
 * reading is paused (its client does not read the answers, or has too many requests in flight), since
 * the POST is where that connection's requests come from.
 */
final class Tunnel {

    private static final Logger LOG = LoggerFactory.getLogger(Tunnel.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    /** Decoded requests waiting for the GET connection's loop; above this the POST stops reading. */
    private static final long MAX_PENDING_BYTES = 256 * 1024;

    private final String cookie;
    private final Channel get;
    private final InetAddress client;
    private final long timeoutSeconds;
    private final AtomicLong pending = new AtomicLong();
    private ChannelHandlerContext inlet;
    private Channel post;
    private ScheduledFuture<?> postTimeout;

    Tunnel(String cookie, Channel get, InetAddress client, long timeoutSeconds) {
        this.cookie = cookie;
        this.get = get;
        this.client = client;
        this.timeoutSeconds = timeoutSeconds;
    }

    String cookie() {
        return cookie;
    }

    InetAddress client() {
        return client;
    }

    Channel get() {
        return get;
    }

    /**
     * Starts waiting for a POST; {@code inlet} is where decoded requests enter the GET connection's
     * pipeline. Called on the GET connection's loop before the tunnel can be found by a POST, so that
     * requests injected later always find the inlet.
     */
    void opened(ChannelHandlerContext inletContext) {
        assert get.eventLoop().inEventLoop();
        inlet = inletContext;
        get.closeFuture().addListener(closed -> {
            if (post != null) {
                post.close();
            }
        });
        awaitPost();
    }

    /** A POST with this tunnel's cookie arrived: it replaces the previous one. */
    void attach(Channel newPost) {
        newPost.attr(HttpTunnels.GET_OF_POST).set(get);
        get.eventLoop().execute(() -> {
            if (postTimeout != null) {
                postTimeout.cancel(false);
                postTimeout = null;
            }
            Channel previous = post;
            post = newPost;
            if (previous != null && previous != newPost) {
                previous.close();
            }
        });
    }

    /** A POST closed: the client may open another within the timeout. */
    void detach(Channel closed) {
        get.eventLoop().execute(() -> {
            if (post == closed) {
                post = null;
                awaitPost();
            }
        });
    }

    private void awaitPost() {
        if (post != null || !get.isActive()) {
            return;
        }
        postTimeout = get.eventLoop().schedule(() -> {
            if (post == null && get.isActive()) {
                REFUSALS.info(client, "RTSP-over-HTTP tunnel from {}: no POST within {} s; closing it", client,
                        timeoutSeconds);
                get.close();
            }
        }, timeoutSeconds, TimeUnit.SECONDS);
    }

    /**
     * Hands decoded request bytes to the GET connection's RTSP pipeline, in order; the buffer is
     * released there. A POST that runs ahead of the RTSP side stops being read until it caught up.
     */
    void inject(ByteBuf decoded, Channel from) {
        int size = decoded.readableBytes();
        if (pending.addAndGet(size) > MAX_PENDING_BYTES || OutboundGuard.paused(get)) {
            from.config().setAutoRead(false);
        }
        get.eventLoop().execute(() -> {
            pending.addAndGet(-size);
            resume(from);
            if (get.isActive() && inlet != null) {
                inlet.fireChannelRead(decoded);
            } else {
                decoded.release();
            }
        });
    }

    /** The GET connection's reading resumed: so does the POST's, unless it ran ahead of the RTSP side. */
    void readingResumed() {
        if (post != null) {
            resume(post);
        }
    }

    private void resume(Channel from) {
        if (pending.get() <= MAX_PENDING_BYTES / 2 && !OutboundGuard.paused(get) && !from.config().isAutoRead()) {
            from.config().setAutoRead(true);
        }
    }

    /** Closes both connections (the GET's closing removes the tunnel). */
    void close() {
        get.close();
        get.eventLoop().execute(() -> {
            if (post != null) {
                post.close();
            }
        });
    }
}
