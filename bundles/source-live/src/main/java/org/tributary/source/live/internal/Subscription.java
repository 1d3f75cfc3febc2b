package org.tributary.source.live.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LiveSubscription;
import org.tributary.api.LiveViewer;

/**
 * One viewer of a broadcast and where it stands. A late viewer gets nothing of a gated track (video
 * whose key frames are recognised) until that track's next key frame, and nothing of the other tracks
 * until the first gated track started, so its audio does not run ahead of its first picture.
 */
final class Subscription implements LiveSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final LiveViewer viewer;
    private final Broadcast broadcast;
    private final boolean[] gated;
    // tracks may be fed from different threads (one UDP channel each), so the flags are atomic
    private final AtomicIntegerArray started;
    private volatile boolean pictureStarted;
    private final AtomicBoolean finished = new AtomicBoolean();

    /**
     * @param gated per track, whether it waits for a key frame; not modified
     */
    Subscription(LiveViewer viewer, Broadcast broadcast, boolean[] gated) {
        this.viewer = viewer;
        this.broadcast = broadcast;
        this.gated = gated;
        this.started = new AtomicIntegerArray(gated.length);
        boolean anyGated = false;
        for (boolean g : gated) {
            anyGated |= g;
        }
        this.pictureStarted = !anyGated;
    }

    LiveViewer viewer() {
        return viewer;
    }

    /**
     * Delivers a packet if this viewer's start allows it.
     *
     * @param shared        the read-only view of the publisher's packet; each viewer gets its own duplicate
     * @param keyFrameStart whether the packet starts a key frame of its (gated) track
     */
    void rtp(int track, ByteBuffer shared, boolean keyFrameStart) {
        if (admits(track, keyFrameStart)) {
            viewer.rtp(track, shared.duplicate());
        }
    }

    private boolean admits(int track, boolean keyFrameStart) {
        if (!gated[track]) {
            return pictureStarted;
        }
        if (started.get(track) == 1) {
            return true;
        }
        if (!keyFrameStart) {
            return false;
        }
        started.set(track, 1);
        pictureStarted = true;
        return true;
    }

    /** Tells the viewer the broadcast ended, once, unless it cancelled. */
    void end() {
        if (finished.compareAndSet(false, true)) {
            try {
                viewer.ended();
            } catch (RuntimeException e) {
                // one broken viewer must not keep the others (or the timeout task) from ending
                LOG.warn("viewer failed when told its broadcast ended", e);
            }
        }
    }

    @Override
    public void cancel() {
        if (finished.compareAndSet(false, true)) {
            broadcast.remove(this);
        }
    }
}
