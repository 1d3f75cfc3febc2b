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
 * until the first gated track started, so its audio does not run ahead of its first picture. A viewer
 * that cannot keep up loses whole frames: it is asked once per frame whether it is {@link
 * LiveViewer#ready ready}; if not, the frame is skipped, and a gated track waits for its next key frame,
 * since the frames in between refer to the one skipped.
 */
final class Subscription implements LiveSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final LiveViewer viewer;
    private final Broadcast broadcast;
    private final boolean[] gated;
    private final boolean anyGated;
    // tracks may be fed from different threads (one UDP channel each), so the flags are atomic
    private final AtomicIntegerArray started;
    private final FramePace[] pace;
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
        this.pace = new FramePace[gated.length];
        boolean any = false;
        for (int i = 0; i < gated.length; i++) {
            any |= gated[i];
            pace[i] = new FramePace();
        }
        this.anyGated = any;
        this.pictureStarted = !any;
    }

    LiveViewer viewer() {
        return viewer;
    }

    /**
     * Delivers a packet if this viewer's start and pace allow it.
     *
     * @param shared        the read-only packet every viewer gets, the same buffer for all of them
     * @param keyFrameStart whether the packet starts a key frame of its (gated) track
     */
    void rtp(int track, ByteBuffer shared, boolean keyFrameStart) {
        if (!admits(track, keyFrameStart)) {
            return;
        }
        if (pace[track].skips(shared, viewer, track)) {
            if (gated[track]) {
                started.set(track, 0);
            }
            return;
        }
        viewer.rtp(track, shared);
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

    /** Another publisher continues the broadcast: start again as a late joiner does, at a key frame. */
    void restart() {
        pictureStarted = !anyGated;
        for (int i = 0; i < gated.length; i++) {
            started.set(i, 0);
            pace[i].reset();
        }
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
