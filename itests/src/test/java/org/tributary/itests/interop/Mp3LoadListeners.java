package org.tributary.itests.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many MP3 listeners in one thread: one non-blocking socket each, all on one selector, each counting the
 * bytes it received and keeping the start of its answer. Cheaper than a player process per listener.
 */
final class Mp3LoadListeners {

    /** One listener's connection. */
    static final class Listener {
        private final SocketChannel channel;
        private final StringBuilder head = new StringBuilder();
        private long bytes;
        private boolean closed;

        private Listener(SocketChannel channel) {
            this.channel = channel;
        }

        long bytes() {
            return bytes;
        }

        boolean closed() {
            return closed;
        }

        /** @return the first line of the answer, such as {@code HTTP/1.1 200 OK} */
        String statusLine() {
            int end = head.indexOf("\r\n");
            return end < 0 ? head.toString() : head.substring(0, end);
        }
    }

    private Mp3LoadListeners() {
    }

    /**
     * Connects {@code count} listeners to {@code path} and reads until each got {@code bytesEach} bytes, one
     * closed, or {@code limit} passed.
     *
     * @return the listeners, with what each received
     */
    static List<Listener> listen(int port, String path, int count, long bytesEach, Duration limit) throws IOException {
        List<Listener> listeners = new ArrayList<>();
        ByteBuffer request = ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nUser-Agent: load\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                channel.write(request.duplicate());
                channel.configureBlocking(false);
                Listener listener = new Listener(channel);
                channel.register(selector, SelectionKey.OP_READ, listener);
                listeners.add(listener);
            }
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long deadline = System.nanoTime() + limit.toNanos();
            int done = 0;
            while (done < count && System.nanoTime() < deadline) {
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    Listener listener = (Listener) key.attachment();
                    buffer.clear();
                    int n;
                    try {
                        n = listener.channel.read(buffer);
                    } catch (IOException reset) {
                        n = -1;
                    }
                    if (n < 0) {
                        listener.closed = true;
                        key.cancel();
                        done++;
                        continue;
                    }
                    if (listener.head.length() < 64) {
                        listener.head.append(new String(buffer.array(), 0, Math.min(n, 64), StandardCharsets.ISO_8859_1));
                    }
                    boolean wasShort = listener.bytes < bytesEach;
                    listener.bytes += n;
                    if (wasShort && listener.bytes >= bytesEach) {
                        done++;
                        key.cancel();
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (Listener listener : listeners) {
                listener.channel.close();
            }
        }
        return listeners;
    }
}
