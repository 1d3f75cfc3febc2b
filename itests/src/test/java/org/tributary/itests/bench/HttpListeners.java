package org.tributary.itests.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The MP3 listener load tool: {@code count} HTTP listeners of one URL on one thread with one selector. Each
 * sends {@code GET path HTTP/1.0}, then reads and counts what arrives, as a player would, and notes the
 * longest time it went without data since {@link #mark()}. Connections open at most {@link #CONNECTING} at
 * a time, and one not answered within {@link #RETRY_NANOS} is closed and opened again: a server with a
 * short accept backlog (Icecast listens with one of 5) drops the handshake's last packet when it overflows,
 * and the client then waits in vain on a connection it believes open. Sockets are read at most every
 * {@link #READ_PERIOD_NANOS} once all are connected, as a player reading into its buffer does, so the tool's cost does not depend on
 * how finely a server cuts its writes (Icecast writes the source's pieces, often 1,400 bytes; Tributary
 * 200 ms of audio at once). The thread's CPU time is its own cost.
 */
final class HttpListeners implements AutoCloseable {

    /** Connections that were opened and have not received their first bytes yet, at most. */
    static final int CONNECTING = 16;
    /** How long a connection may wait for the start of its answer before it is opened again. */
    static final long RETRY_NANOS = 1_000_000_000L;
    /** Reads of all ready sockets at most this often: 250 ms, 4 KB of a 128 kbit/s stream. */
    static final long READ_PERIOD_NANOS = 250_000_000L;

    private final InetSocketAddress server;
    private final byte[] request;
    private final int count;
    private final Selector selector;
    private final Thread thread;
    /** The listeners answered 200, in the order of their answers. */
    private final List<Listener> listeners = new ArrayList<>();
    /** Connections waiting for their answer, oldest first (those answered meanwhile are dropped lazily). */
    private final ArrayDeque<SelectionKey> pending = new ArrayDeque<>();
    private int waiting;
    private volatile int retries;
    private volatile boolean running = true;
    private volatile long markNanos = System.nanoTime();
    private volatile int answered;
    private volatile int refused;
    private volatile int closed;

    /** One connection, touched by the selector thread; the volatile fields are read by the measuring one. */
    private static final class Listener {
        volatile long bytes;
        volatile long lastRead;
        volatile long maxGap;
        volatile boolean closedByServer;
        long markSeen;
        long opened;
        boolean answered;
        boolean done;
    }

    private HttpListeners(InetSocketAddress server, String path, int count) throws IOException {
        this.server = server;
        this.request = ("GET " + path + " HTTP/1.0\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nUser-Agent: tributary-bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.count = count;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "http-listeners-" + server.getPort());
    }

    /** Starts {@code count} listeners of {@code http://server/path}. */
    static HttpListeners start(InetSocketAddress server, String path, int count) throws IOException {
        HttpListeners tool = new HttpListeners(server, path, count);
        tool.thread.setDaemon(true);
        tool.thread.start();
        return tool;
    }

    /** @return listeners that received the start of an answer with status 200 */
    int answered() {
        return answered;
    }

    /** @return listeners refused (another status, or closed before an answer) */
    int refused() {
        return refused;
    }

    /** @return listeners closed by the server after their answer */
    int closed() {
        return closed;
    }

    /** @return connections opened again after waiting too long for their answer */
    int retries() {
        return retries;
    }

    /** Starts a measuring window: the longest gap without data is counted from now on. */
    void mark() {
        markNanos = System.nanoTime();
    }

    /** @return bytes received so far by each listener, in opening order */
    long[] bytes() {
        synchronized (listeners) {
            return listeners.stream().mapToLong(listener -> listener.bytes).toArray();
        }
    }

    /** @return each listener's longest time without data since {@link #mark()}, up to now, in nanoseconds */
    long[] longestGaps() {
        return longestGaps(false);
    }

    /** @return like {@link #longestGaps()}, for the listeners the server has not closed */
    long[] longestGapsOfOpen() {
        return longestGaps(true);
    }

    private long[] longestGaps(boolean openOnly) {
        long now = System.nanoTime();
        long mark = markNanos;
        synchronized (listeners) {
            return listeners.stream().filter(listener -> !openOnly || !listener.closedByServer).mapToLong(listener -> {
                long since = Math.max(listener.lastRead, mark);
                return Math.max(listener.markSeen == mark ? listener.maxGap : 0, now - since);
            }).toArray();
        }
    }

    /** @return the CPU time of the tool's thread in nanoseconds */
    long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            long nextRead = System.nanoTime();
            while (running) {
                retryLate();
                while (answered + refused + waiting < count && waiting < CONNECTING) {
                    open();
                }
                if (answered + refused < count) {
                    selector.select(100);
                    handleSelected(buffer);
                } else {
                    // all connected: read every ready socket once per period
                    long early = nextRead - System.nanoTime();
                    if (early > 0) {
                        LockSupport.parkNanos(early);
                    }
                    nextRead = System.nanoTime() + READ_PERIOD_NANOS;
                    // the JDK's epoll selector reports at most 1,024 ready channels per select
                    for (int pass = 0; pass <= count / 1024 + 1 && selector.selectNow() > 0; pass++) {
                        handleSelected(buffer);
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("listener tool stopped: " + e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
            closeQuietly(selector);
        }
    }

    private void handleSelected(ByteBuffer buffer) {
        for (SelectionKey key : selector.selectedKeys()) {
            handle(key, buffer);
        }
        selector.selectedKeys().clear();
    }

    private void open() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Listener listener = new Listener();
        listener.opened = System.nanoTime();
        int interest = channel.connect(server) ? send(channel) : SelectionKey.OP_CONNECT;
        pending.addLast(channel.register(selector, interest, listener));
        waiting++;
    }

    /** Closes the connections that waited too long for their answer; the opening loop replaces them. */
    private void retryLate() {
        long now = System.nanoTime();
        while (!pending.isEmpty()) {
            SelectionKey oldest = pending.peekFirst();
            Listener listener = (Listener) oldest.attachment();
            if (listener.done) {
                pending.removeFirst();
            } else if (now - listener.opened > RETRY_NANOS) {
                pending.removeFirst();
                listener.done = true;
                waiting--;
                retries++;
                closeQuietly(oldest);
            } else {
                return;
            }
        }
    }

    private int send(SocketChannel channel) throws IOException {
        // a request this small fits the fresh socket's send buffer in one write
        channel.write(ByteBuffer.wrap(request));
        return SelectionKey.OP_READ;
    }

    private void handle(SelectionKey key, ByteBuffer buffer) {
        SocketChannel channel = (SocketChannel) key.channel();
        Listener listener = (Listener) key.attachment();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(send(channel));
                return;
            }
            long total = 0;
            for (int n = channel.read(buffer.clear()); n != 0; n = channel.read(buffer.clear())) {
                if (n < 0) {
                    lose(key, listener);
                    return;
                }
                if (!listener.answered && !answer(key, listener, buffer.flip())) {
                    return;
                }
                total += n;
            }
            arrived(listener, total);
        } catch (IOException e) {
            lose(key, listener);
        }
    }

    /** @return whether the answer's status line says 200; otherwise the listener is closed */
    private boolean answer(SelectionKey key, Listener listener, ByteBuffer head) {
        byte[] start = new byte[Math.min(head.remaining(), 16)];
        head.get(start);
        String status = new String(start, StandardCharsets.US_ASCII);
        listener.done = true;
        waiting--;
        if (status.contains(" 200")) {
            listener.answered = true;
            synchronized (listeners) {
                listeners.add(listener);
            }
            answered++;
            return true;
        }
        System.out.println("listener refused: " + status.strip());
        refused++;
        closeQuietly(key);
        return false;
    }

    private void arrived(Listener listener, long total) {
        long now = System.nanoTime();
        long mark = markNanos;
        if (listener.markSeen != mark) {
            listener.markSeen = mark;
            listener.maxGap = 0;
        }
        listener.maxGap = Math.max(listener.maxGap, now - Math.max(listener.lastRead, mark));
        listener.lastRead = now;
        listener.bytes += total;
    }

    private void lose(SelectionKey key, Listener listener) {
        if (listener.answered) {
            listener.closedByServer = true;
            closed++;
        } else if (!listener.done) {
            listener.done = true;
            waiting--;
            refused++;
        }
        closeQuietly(key);
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        closeQuietly(key.channel());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(30_000);
    }
}
