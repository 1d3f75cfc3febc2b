package org.tributary.mp3.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.tributary.api.http.HttpExchange;
import org.tributary.api.http.ResponseStream;
import org.tributary.api.loop.LoopWakes;

/**
 * One listener of a station: reads the station's ring at its own chunk number and writes slices of the
 * shared chunks while its connection is under the high-water mark, then waits to be woken (new audio, or
 * the connection drained). With ICY metadata on, a metadata block goes out every {@code metaInterval} audio
 * bytes. A listener whose chunk was dropped from the ring skips to the oldest chunk kept, a frame boundary:
 * it never holds audio of its own. A listener moved to another station (its mount's fallback, and back)
 * finishes the audio it was due from the old ring, then goes on with the newest chunk of the new one: the
 * stream continues on a frame boundary, over the same connection. All its work runs on its connection's thread.
 */
final class ListenerStream extends HttpSession implements LoopWakes.Wakeable {

    private final String home;
    private final HttpExchange exchange;
    private final Executor executor;
    private final int metaInterval;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Station station;
    private volatile Station moveTo;
    private volatile Station member;
    private ResponseStream out;
    private long seq;
    private int offset;
    private int toMeta;
    private Station.Title sentTitle = Station.Title.NONE;
    private volatile long bytesSent;
    private volatile long writes;
    private volatile long skips;

    /**
     * @param metaInterval audio bytes between ICY metadata blocks, or 0 for none
     */
    ListenerStream(String id, Station station, HttpExchange exchange, int metaInterval) {
        this(id, station.mount(), station, exchange, metaInterval);
    }

    /**
     * @param home         the mount the listener asked for: it moves back there when a source returns to it
     * @param station      the station it listens to first: its home's, or the home's fallback
     * @param metaInterval audio bytes between ICY metadata blocks, or 0 for none
     */
    ListenerStream(String id, String home, Station station, HttpExchange exchange, int metaInterval) {
        super(id, exchange);
        this.home = home;
        this.station = station;
        this.member = station;
        this.exchange = exchange;
        this.executor = exchange.executor();
        this.metaInterval = metaInterval;
        this.toMeta = metaInterval;
    }

    /** Starts sending from chunk {@code from} on. */
    void start(ResponseStream stream, long from) {
        executor.execute(() -> {
            this.out = stream;
            this.seq = from;
            stream.onWritable(this::pump);
            pump();
        });
    }

    /** Asks for a send on the listener's thread; repeated wakes before it runs make one send. */
    void wake() {
        LoopWakes.wake(this);
    }

    /**
     * Moves the listener to another station once it has the audio it is due from this one; from now on it
     * counts as the target's listener.
     */
    void moveTo(Station target) {
        member = target;
        moveTo = target;
        wake();
    }

    /** @return the station the listener counts in: the one it listens to, or the one it is moving to */
    Station member() {
        return member;
    }

    /** @return the mount the listener asked for */
    String home() {
        return home;
    }

    /** @return the station it listens to now */
    Station station() {
        return station;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public boolean claimWake() {
        return scheduled.compareAndSet(false, true);
    }

    @Override
    public void woken() {
        scheduled.set(false);
        pump();
    }

    private void pump() {
        if (out == null) {
            return;
        }
        StationRing ring = station.ring();
        while (out.isOpen() && out.writable()) {
            StationRing.Chunk chunk = ring.get(seq);
            if (chunk == null) {
                long oldest = ring.oldest();
                if (seq < oldest) {
                    seq = oldest;
                    offset = 0;
                    skips++;
                    continue;
                }
                Station target = moveTo;
                if (target != null) {
                    moveTo = null;
                    station = target;
                    ring = target.ring();
                    seq = Math.max(ring.oldest(), ring.next() - 1);
                    offset = 0;
                    continue;
                }
                if (station.ended()) {
                    out.close();
                }
                return;
            }
            if (offset == chunk.size()) {
                seq++;
                offset = 0;
            } else if (metaInterval > 0 && toMeta == 0) {
                writeMetadata();
            } else {
                int n = metaInterval > 0 ? Math.min(chunk.size() - offset, toMeta) : chunk.size() - offset;
                out.write(chunk.data().slice(offset, n));
                offset += n;
                toMeta -= n;
                bytesSent += n;
                writes++;
            }
        }
    }

    private void writeMetadata() {
        Station.Title title = station.title();
        ByteBuffer block = title == sentTitle ? IcyMetadata.UNCHANGED : title.block();
        sentTitle = title;
        out.write(block.duplicate());
        toMeta = metaInterval;
    }

    /** @return how many times this listener lagged so far that it skipped forward */
    long skips() {
        return skips;
    }

    @Override
    public String kind() {
        return LISTENER;
    }

    @Override
    public String path() {
        return station.mount();
    }

    @Override
    public String state() {
        return "LISTENING";
    }

    @Override
    public String transport() {
        return metaInterval > 0 ? "MP3/ICY" : "MP3";
    }

    @Override
    public long bytesSent() {
        return bytesSent;
    }

    @Override
    public long packetsSent() {
        return writes;
    }

    @Override
    public void close() {
        exchange.close();
    }
}
