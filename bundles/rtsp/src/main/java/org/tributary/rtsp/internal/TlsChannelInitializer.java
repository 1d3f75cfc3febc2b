package org.tributary.rtsp.internal;

import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * The pipeline of an RTSPS port: the RTSP ports' pipeline with TLS spliced in right after the
 * per-address gate (so a flood of handshakes is capped before any crypto work), and a watcher that
 * closes and logs a connection whose handshake fails or does not finish in time. Behind TLS the
 * sniffer tells RTSP from RTSP-over-HTTP exactly as on a plain port.
 */
final class TlsChannelInitializer extends ChannelInitializer<Channel> {

    /** A client that has not finished its handshake by then is closed. */
    static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final RtspChannelInitializer rtsp;
    private final LongAdder failedHandshakes = new LongAdder();
    private volatile SslContext context;

    TlsChannelInitializer(RtspChannelInitializer rtsp) {
        this.rtsp = rtsp;
    }

    /** New connections use {@code next}; connections already open keep the context they started with. */
    void context(SslContext next) {
        this.context = next;
    }

    /** @return how many connections were closed because their TLS handshake failed or timed out */
    long failedHandshakes() {
        return failedHandshakes.sum();
    }

    @Override
    protected void initChannel(Channel ch) {
        SslContext current = context;
        if (current == null) {
            // only bound while a context is set; a connection racing the first one has nothing to talk to
            ch.close();
            return;
        }
        SslHandler tls = current.newHandler(ch.alloc());
        tls.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
        rtsp.initChannel(ch);
        ch.pipeline().addAfter(RtspChannelInitializer.GATE, "tls", tls)
                .addAfter("tls", "tls-handshake", new TlsHandshakeWatcher(failedHandshakes));
    }
}
