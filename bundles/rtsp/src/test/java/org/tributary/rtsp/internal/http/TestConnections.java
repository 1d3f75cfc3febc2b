package org.tributary.rtsp.internal.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.tributary.api.http.BodyReceiver;
import org.tributary.api.http.HttpExchange;
import org.tributary.api.http.HttpHandler;

/** Connections of a streaming port without sockets, and a handler that records what it was given. */
final class TestConnections {

    private TestConnections() {
    }

    /** A connection from 127.0.0.1 that speaks HTTP (tunnelling off) or, with {@code icy}, starts a Shoutcast login. */
    static EmbeddedChannel open(HttpPort port, boolean icy) {
        EmbeddedChannel channel = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress("127.0.0.1", 40000);
            }

            @Override
            protected SocketAddress localAddress0() {
                return new InetSocketAddress("127.0.0.1", 8000);
            }
        };
        if (icy) {
            port.installIcy(channel.pipeline());
        } else {
            port.install(channel.pipeline(), null);
        }
        return channel;
    }

    static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();
    }

    /** Everything written to the client so far. */
    static String written(EmbeddedChannel channel) {
        StringBuilder all = new StringBuilder();
        for (ByteBuf out; (out = channel.readOutbound()) != null; out.release()) {
            all.append(out.toString(StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }

    static HttpPort portWith(String prefix, HttpHandler handler) {
        HttpHandlers handlers = new HttpHandlers();
        handlers.add(handler, Map.of(HttpHandler.PREFIX, prefix));
        return new HttpPort(handlers);
    }

    /** A handler that records its exchanges and answers each with {@code answer}. */
    static final class Recording implements HttpHandler {

        final List<HttpExchange> exchanges = new ArrayList<>();
        private final Consumer<HttpExchange> answer;

        Recording(Consumer<HttpExchange> answer) {
            this.answer = answer;
        }

        HttpExchange last() {
            return exchanges.get(exchanges.size() - 1);
        }

        @Override
        public void handle(HttpExchange exchange) {
            exchanges.add(exchange);
            answer.accept(exchange);
        }
    }

    /** A body receiver that keeps the body as text and how it ended. */
    static final class Body implements BodyReceiver {

        final StringBuilder text = new StringBuilder();
        int ends;
        Throwable cause;

        @Override
        public void data(ByteBuffer chunk) {
            text.append(StandardCharsets.ISO_8859_1.decode(chunk));
        }

        @Override
        public void ended(Throwable why) {
            ends++;
            cause = why;
        }
    }
}
