package org.tributary.source.live.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.tributary.api.Publication;

/**
 * One publisher's handle on a broadcast. A broadcast may outlive its publisher (viewers wait for it to
 * come back) and be continued by another; packets of a publisher that was replaced go nowhere, and the
 * protocol server is told ({@link #onEnd}) so that it ends the replaced publisher's session.
 */
final class PublisherFeed implements Publication {

    private final Broadcast broadcast;
    private final String publisher;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Runnable> onEnd = new AtomicReference<>();
    private volatile boolean endedBySource;

    PublisherFeed(Broadcast broadcast, String publisher) {
        this.broadcast = broadcast;
        this.publisher = publisher;
    }

    /** @return the publisher's address, {@code host:port} */
    String publisher() {
        return publisher;
    }

    private boolean current() {
        return !closed.get() && broadcast.feed() == this;
    }

    @Override
    public List<String> controls() {
        return broadcast.controls();
    }

    @Override
    public void rtp(int track, ByteBuffer packet) {
        if (current()) {
            broadcast.rtp(track, packet);
        }
    }

    @Override
    public void rtcp(int track, ByteBuffer packet) {
        if (current()) {
            broadcast.rtcp(track, packet);
        }
    }

    @Override
    public void refused(int track, String cause) {
        broadcast.refused(track, cause);
    }

    @Override
    public void onEnd(Runnable ended) {
        onEnd.set(ended);
        if (endedBySource && onEnd.compareAndSet(ended, null)) {
            ended.run();
        }
    }

    /** The publisher left: the broadcast waits for another one or ends, as configured. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            broadcast.feedEnded(this);
        }
    }

    /**
     * The source ends this publisher (silence, another publisher, the broadcast or the source ended): as
     * {@link #close()}, and the protocol server is told to end the publisher's session. Idempotent.
     */
    void end() {
        if (closed.compareAndSet(false, true)) {
            endedBySource = true;
            broadcast.feedEnded(this);
            Runnable ended = onEnd.getAndSet(null);
            if (ended != null) {
                ended.run();
            }
        }
    }

    boolean isClosed() {
        return closed.get();
    }
}
