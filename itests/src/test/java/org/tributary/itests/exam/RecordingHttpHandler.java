package org.tributary.itests.exam;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.tributary.api.http.BodyReceiver;
import org.tributary.api.http.HttpExchange;
import org.tributary.api.http.HttpHandler;
import org.tributary.api.http.ResponseStream;

/**
 * An {@link HttpHandler} as a test registers it in the running server: {@code .../hello} is answered whole,
 * {@code .../stream} streams {@link #STREAM_BYTES} bytes with back-pressure, sources ({@code PUT},
 * {@code SOURCE}, Shoutcast logins) have their body counted; every request is recorded.
 */
final class RecordingHttpHandler implements HttpHandler {

    static final int STREAM_BYTES = 1024 * 1024;
    private static final int BLOCK = 8 * 1024;

    /** One request as the handler saw it. */
    record Seen(String method, String path, String version, String authorization, String name) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicLong bodyBytes = new AtomicLong();
    final AtomicInteger bodiesEnded = new AtomicInteger();
    final AtomicInteger waitsForDrain = new AtomicInteger();

    @Override
    public void handle(HttpExchange exchange) {
        String name = exchange.header("ice-name") != null ? exchange.header("ice-name") : exchange.header("icy-name");
        seen.add(new Seen(exchange.method(), exchange.path(), exchange.protocolVersion(),
                exchange.header("Authorization"), name));
        if (exchange.path().endsWith("/hello")) {
            exchange.respond(200, Map.of("Content-Type", "text/plain"), "hello".getBytes(StandardCharsets.US_ASCII));
        } else if (exchange.path().endsWith("/stream")) {
            new Streamer(exchange.stream(200, Map.of("Content-Type", "application/octet-stream"))).run();
        } else if (exchange.method().equals("GET")) {
            exchange.respond(404, Map.of(), new byte[0]);
        } else {
            exchange.receive(new BodyReceiver() {
                @Override
                public void data(ByteBuffer chunk) {
                    bodyBytes.addAndGet(chunk.remaining());
                }

                @Override
                public void ended(Throwable cause) {
                    bodiesEnded.incrementAndGet();
                }
            });
        }
    }

    /** Writes blocks until the stream says wait, and goes on when it is writable again. */
    private final class Streamer implements Runnable {

        private final ResponseStream out;
        private final ByteBuffer block = ByteBuffer.allocate(BLOCK);
        private int sent;

        Streamer(ResponseStream out) {
            this.out = out;
            out.onWritable(this);
        }

        @Override
        public void run() {
            while (sent < STREAM_BYTES && out.isOpen()) {
                sent += BLOCK;
                if (!out.write(block)) {
                    waitsForDrain.incrementAndGet();
                    return;
                }
            }
            if (sent >= STREAM_BYTES) {
                out.close();
            }
        }
    }
}
