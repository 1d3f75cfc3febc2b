package org.tributary.rtsp.internal.http;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.http.BodyReceiver;
import org.tributary.api.http.HttpExchange;
import org.tributary.api.http.ResponseStream;

/**
 * One request on a streaming port, answered through Netty: every answer is written on the connection's
 * loop (a call from another thread hops there) and closes the connection when it is complete. The first of
 * respond, stream and receive answers; a second one is a handler's mistake and throws.
 */
final class NettyExchange implements HttpExchange {

    private static final Logger LOG = LoggerFactory.getLogger(NettyExchange.class);
    private static final AttributeKey<NettyExchange> KEY = AttributeKey.valueOf(NettyExchange.class, "exchange");

    private final Channel channel;
    private final RequestHead head;
    private final ExchangeInlet inlet;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile boolean inUse;
    private volatile NettyResponseStream stream;

    NettyExchange(Channel channel, RequestHead head) {
        this.channel = channel;
        this.head = head;
        this.inlet = new ExchangeInlet(this);
        channel.attr(KEY).set(this);
    }

    /**
     * @return whether the connection streams an answer or receives a body: busy however quiet its client
     *         is, so the idle timeout leaves it alone
     */
    static boolean inUse(Channel channel) {
        NettyExchange exchange = channel.hasAttr(KEY) ? channel.attr(KEY).get() : null;
        return exchange != null && exchange.inUse;
    }

    ExchangeInlet inlet() {
        return inlet;
    }

    RequestHead requestHead() {
        return head;
    }

    /** @return whether one of respond, stream or receive was called */
    boolean answered() {
        return answered.get();
    }

    @Override
    public String method() {
        return head.method();
    }

    @Override
    public String path() {
        return head.target().path();
    }

    @Override
    public String query() {
        return head.target().query();
    }

    @Override
    public String protocolVersion() {
        return head.version();
    }

    @Override
    public String header(String name) {
        return head.headers().get(name);
    }

    @Override
    public List<Map.Entry<String, String>> headers() {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        head.headers().forEach(header -> all.add(Map.entry(header.getKey(), header.getValue())));
        return all;
    }

    @Override
    public InetSocketAddress remote() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public InetSocketAddress local() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public Executor executor() {
        return channel.eventLoop();
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        claim("respond");
        byte[] content = body == null ? new byte[0] : body;
        onLoop(() -> {
            inlet.discard();
            ByteBuf answer;
            if (head.icy()) {
                answer = HttpAnswers.ascii(channel.alloc(), status < 300 ? HttpAnswers.ICY_ACCEPTED
                        : HttpAnswers.icyRefusal(status));
            } else {
                ByteBuf top = HttpAnswers.head(channel.alloc(), head.version(), status, headers, content.length);
                answer = head.head() ? top : Unpooled.wrappedBuffer(top, Unpooled.wrappedBuffer(content));
            }
            channel.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        });
    }

    @Override
    public ResponseStream stream(int status, Map<String, String> headers) {
        claim("stream");
        NettyResponseStream out = new NettyResponseStream(channel);
        stream = out;
        inUse = true;
        String version = head.icy() ? "HTTP/1.0" : head.version();
        onLoop(() -> {
            inlet.discard();
            channel.writeAndFlush(HttpAnswers.head(channel.alloc(), version, status, headers, -1));
            if (head.head()) {
                out.close();
            }
        });
        return out;
    }

    @Override
    public void receive(BodyReceiver receiver) {
        claim("receive");
        inUse = true;
        String acceptance = head.icy() ? HttpAnswers.ICY_ACCEPTED
                : head.expectsContinue() ? HttpAnswers.CONTINUE : HttpAnswers.SOURCE_ACCEPTED;
        onLoop(() -> {
            channel.writeAndFlush(HttpAnswers.ascii(channel.alloc(), acceptance));
            inlet.deliverTo(receiver);
        });
    }

    @Override
    public void onClose(Runnable action) {
        channel.closeFuture().addListener(closed -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("An onClose action of the HTTP exchange {} from {} failed", head, channel.remoteAddress(), e);
            }
        });
    }

    @Override
    public void close() {
        channel.close();
    }

    /** On the loop: the outbound buffer's writability changed. */
    void writabilityChanged() {
        NettyResponseStream out = stream;
        if (out != null) {
            out.writabilityChanged();
        }
    }

    /** Answers 500 unless the handler answered already; for a handler that failed. */
    void fail() {
        try {
            respond(500, Map.of(), new byte[0]);
        } catch (IllegalStateException answeredAlready) {
            channel.close();
        }
    }

    private void claim(String how) {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("the HTTP exchange " + head + " was answered already; " + how
                    + " is one answer too many");
        }
    }

    private void onLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }
}
