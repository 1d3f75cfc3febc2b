package org.tributary.rtsp.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.tributary.api.LiveViewer;

/**
 * One viewer of a live broadcast: hands each shared packet to the track output the viewer set up
 * (track index i is control {@code trackID=i+1}). Called on the publisher's thread, which is an event
 * loop or a playlist's or station's own thread; the copies are queued on the {@link LoopFanout} of the
 * loop that owns the viewer's socket and sent from there. The outputs never block: a viewer whose socket
 * is full is not {@link #ready} for a frame, and the broadcast skips that whole frame for it.
 */
final class LiveRelay implements LiveViewer {

    private final Object lock;
    private final Supplier<TrackOutput[]> outputs;
    private final Runnable onEnd;

    /**
     * @param lock    the session's lock, held while an output relays
     * @param outputs the set-up outputs by track index (null where a track is not set up), read without
     *                the lock: the array is replaced, never changed, when a track is added
     * @param onEnd   run on the viewer's loop once the broadcast ended, after the packets queued before
     */
    LiveRelay(Object lock, Supplier<TrackOutput[]> outputs, Runnable onEnd) {
        this.lock = lock;
        this.outputs = outputs;
        this.onEnd = onEnd;
    }

    private TrackOutput output(int track) {
        TrackOutput[] byTrack = outputs.get();
        return track >= 0 && track < byTrack.length ? byTrack[track] : null;
    }

    @Override
    public void rtp(int track, ByteBuffer packet) {
        TrackOutput output = output(track);
        if (output != null) {
            output.fanout().relay(lock, output, packet);
        }
    }

    @Override
    public boolean ready(int track) {
        TrackOutput output = output(track);
        return output == null || output.readyForFrame();
    }

    /** Relayed on the viewer's loop, so the report follows the packets queued before it. */
    @Override
    public void senderReport(int track, long ntpTimestamp, long rtpTimestamp) {
        TrackOutput output = output(track);
        if (output != null) {
            output.transport().executor().execute(() -> {
                synchronized (lock) {
                    output.relayReport(ntpTimestamp, rtpTimestamp);
                }
            });
        }
    }

    /** The session is told on its viewer's loop, so its BYE follows the packets queued before it. */
    @Override
    public void ended() {
        for (TrackOutput output : outputs.get()) {
            if (output != null) {
                try {
                    output.transport().executor().execute(onEnd);
                    return;
                } catch (RejectedExecutionException stopping) {
                    break;  // the server stops: nothing is queued any more, tell the session here
                }
            }
        }
        onEnd.run();
    }
}
