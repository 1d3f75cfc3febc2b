package org.tributary.rtsp.internal;

import java.nio.ByteBuffer;
import java.util.Map;

import org.tributary.api.LiveViewer;

/**
 * One viewer of a live broadcast: hands each shared packet to the track output the viewer set up
 * (track index i is control {@code trackID=i+1}). Called on the publisher's event loop; the
 * outputs never block: a viewer whose socket is full is not {@link #ready} for a frame, and the
 * broadcast skips that whole frame for it.
 */
final class LiveRelay implements LiveViewer {

    private final Object lock;
    private final Map<Integer, TrackOutput> outputs;
    private final Runnable onEnd;

    LiveRelay(Object lock, Map<Integer, TrackOutput> outputs, Runnable onEnd) {
        this.lock = lock;
        this.outputs = outputs;
        this.onEnd = onEnd;
    }

    @Override
    public void rtp(int track, ByteBuffer packet) {
        synchronized (lock) {
            TrackOutput output = outputs.get(track + 1);
            if (output != null) {
                output.relay(packet);
            }
        }
    }

    @Override
    public boolean ready(int track) {
        synchronized (lock) {
            TrackOutput output = outputs.get(track + 1);
            return output == null || output.readyForFrame();
        }
    }

    @Override
    public void senderReport(int track, long ntpTimestamp, long rtpTimestamp) {
        synchronized (lock) {
            TrackOutput output = outputs.get(track + 1);
            if (output != null) {
                output.relayReport(ntpTimestamp, rtpTimestamp);
            }
        }
    }

    @Override
    public void ended() {
        onEnd.run();
    }
}
