package org.tributary.mp3.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.http.BodyReceiver;
import org.tributary.api.http.HttpExchange;

/**
 * One source's audio arriving: checked frame by frame, appended to its station, watched for silence. It ends
 * once, with one log line, when the client closes, sends something that is not MP3, sends nothing for the
 * timeout, is taken over, or the broadcast stops.
 */
final class SourceFeed implements BodyReceiver, StationSource {

    /** Told when a feed ended, once. */
    interface Ending {
        void ended(StationSource feed);
    }

    /**
     * Audio gathered before it goes to the listeners as one chunk: one write per listener every 200 ms instead
     * of one per frame (38 a second at 44.1 kHz) costs the server far fewer system calls, and adds no more
     * delay than players buffer anyway.
     */
    static final long CHUNK_MICROS = 200_000;

    private static final Logger LOG = LoggerFactory.getLogger(SourceFeed.class);

    private final HttpExchange exchange;
    private final String mount;
    private final Ending ending;
    private final LongSupplier nanoClock;
    private final FrameScanner scanner = new FrameScanner();
    private final FrameScanner.Frames frames = new FrameScanner.Frames();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Instant started = Instant.now();
    private volatile Station station;
    private volatile long lastData;
    private volatile long bytesReceived;
    private volatile long framesReceived;

    SourceFeed(HttpExchange exchange, String mount, Ending ending, LongSupplier nanoClock) {
        this.exchange = exchange;
        this.mount = mount;
        this.ending = ending;
        this.nanoClock = nanoClock;
        this.lastData = nanoClock.getAsLong();
    }

    /** Starts feeding a station: from now on the source's body is read. */
    void start(Station target) {
        this.station = target;
        exchange.receive(this);
    }

    @Override
    public void data(ByteBuffer chunk) {
        if (finished.get()) {
            return;
        }
        lastData = nanoClock.getAsLong();
        bytesReceived += chunk.remaining();
        int before = frames.count();
        boolean mp3 = scanner.scan(chunk, frames);
        framesReceived += frames.count() - before;
        if (frames.micros() >= CHUNK_MICROS) {
            station.append(frames);
            frames.clear();
        }
        if (!mp3) {
            stop("not MP3 audio (" + scanner.problem() + ")");
        }
    }

    @Override
    public void ended(Throwable cause) {
        finish(cause == null ? "the source closed the connection" : "the connection failed: " + cause);
    }

    /** Ends the feed and closes the source's connection. */
    @Override
    public void stop(String reason) {
        if (finish(reason)) {
            exchange.close();
        }
    }

    /** Ends the feed when it sent nothing for {@code timeoutNanos}. */
    @Override
    public void stopIfIdle(long timeoutNanos) {
        if (nanoClock.getAsLong() - lastData > timeoutNanos) {
            stop("no data for " + timeoutNanos / 1_000_000_000L + " s");
        }
    }

    private boolean finish(String reason) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        LOG.info("MP3 source {} for {} ended: {}", address(), mount, reason);
        ending.ended(this);
        return true;
    }

    boolean finished() {
        return finished.get();
    }

    /** @return bytes of the source's body so far */
    long bytesReceived() {
        return bytesReceived;
    }

    /** @return MP3 frames found in them so far */
    long framesReceived() {
        return framesReceived;
    }

    /** @return the source's address as {@code host:port} */
    @Override
    public String address() {
        InetSocketAddress remote = exchange.remote();
        return remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }

    @Override
    public Instant started() {
        return started;
    }
}
