package org.tributary.rtsp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.LivePresentation;
import org.tributary.api.LiveSubscription;
import org.tributary.api.MediaException;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MediaReader;
import org.tributary.api.ReceptionStats;
import org.tributary.api.TrackInfo;
import org.tributary.api.UserPrincipal;
import org.tributary.rtp.ReportBlock;
import org.tributary.rtp.Rtcp;
import org.tributary.security.RefusalLog;

/**
 * One RTSP session: the presentation, the tracks set up so far and the pump that plays them.
 * State changes come from requests (any connection), the pump, the reaper and management, so
 * every method holds the session's lock.
 */
final class RtspSession extends SessionIdentity implements MediaPump.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(RtspSession.class);
    /** A movie that fails (cut short, corrupt) fails every viewer at once: one line per movie, not per viewer. */
    private static final RefusalLog MEDIA_FAILURES = new RefusalLog(LOG);

    /** RFC 2326 appendix A server states. */
    enum State { READY, PLAYING }

    private final MediaPresentation presentation;
    private final EventLoop loop;
    private final Map<Integer, TrackInfo> tracks = new LinkedHashMap<>();
    private final Map<Integer, TrackOutput> outputs = new LinkedHashMap<>();
    /** The outputs by track index ({@code trackID} - 1) for a live relay, which reads them without the lock. */
    private volatile TrackOutput[] byTrackIndex = new TrackOutput[0];
    private final Consumer<RtspSession> onClose;
    private MediaPump pump;
    private LiveSubscription subscription;
    private MediaReader reader;
    private State state = State.READY;
    private boolean closed;

    RtspSession(String id, String path, String client, Optional<UserPrincipal> user, MediaPresentation presentation,
                EventLoop loop, Consumer<RtspSession> onClose) {
        super(id, path, client, user);
        this.presentation = presentation;
        this.loop = loop;
        this.onClose = onClose;
        for (TrackInfo t : presentation.tracks()) {
            tracks.put(t.id(), t);
        }
    }


    EventLoop loop() {
        return loop;
    }

    MediaPresentation presentation() {
        return presentation;
    }



    synchronized boolean isSetUp(int trackId) {
        return outputs.containsKey(trackId);
    }

    synchronized void addTrack(TrackOutput output) {
        outputs.put(output.trackId(), output);
        int index = output.trackId() - 1;
        // live track ids are 1..trackCount; a file's may be anything and have no use for the array
        if (presentation instanceof LivePresentation && index >= 0) {
            TrackOutput[] next = Arrays.copyOf(byTrackIndex, Math.max(byTrackIndex.length, index + 1));
            next[index] = output;
            byTrackIndex = next;
        }
    }

    private TrackOutput[] byTrackIndex() {
        return byTrackIndex;
    }

    synchronized List<TrackOutput> outputs() {
        return new ArrayList<>(outputs.values());
    }

    /** True when media goes over the given connection: the session cannot outlive it. */
    @Override
    public synchronized boolean dependsOn(Channel connection) {
        return outputs.values().stream().anyMatch(o -> o.transport() instanceof InterleavedTransport t
                && t.connection() == connection);
    }

    /**
     * Starts or resumes playing.
     *
     * @param from position to seek to, or NaN to continue where the media stopped
     * @param to   end position, or infinity
     * @return the position playing starts at
     */
    synchronized double play(double from, double to) throws MediaException {
        markStarted();
        if (presentation instanceof LivePresentation live) {
            // a broadcast plays from now on, whatever Range the client asked for
            if (subscription == null) {
                subscription = live.subscribe(new LiveRelay(this, this::byTrackIndex, this::broadcastEnded));
            }
            state = State.PLAYING;
            return 0;
        }
        if (pump == null) {
            reader = presentation.openReader();
            pump = new MediaPump(loop, reader, tracks, outputs, this, this);
        }
        pump.stop();
        double start = Double.isNaN(from) ? pump.position() : pump.seek(from);
        pump.start(to);
        state = State.PLAYING;
        return start;
    }

    /** Stops sending; a later PLAY without Range resumes from here. */
    synchronized void pause() {
        if (pump != null) {
            pump.stop();
        }
        cancelSubscription();
        state = State.READY;
    }

    private void cancelSubscription() {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }

    /** The broadcast ended: the viewer is told with RTCP BYE and may tear down. */
    private synchronized void broadcastEnded() {
        subscription = null;
        if (state == State.PLAYING) {
            for (TrackOutput output : outputs.values()) {
                output.sendRelayBye();
            }
        }
        state = State.READY;
        LOG.info("Session {}: the broadcast {} ended", id(), path());
    }

    /** Handles an RTCP compound packet the client sent about a track. */
    void onRtcp(ByteBuf packet) {
        long arrival = SenderClock.ntpNow();
        touch();
        List<ReportBlock> blocks = Rtcp.parse(packet).reports();
        synchronized (this) {
            for (ReportBlock block : blocks) {
                for (TrackOutput output : outputs.values()) {
                    if (output.ssrc() == block.ssrc()) {
                        output.onReport(block, arrival);
                    }
                }
            }
        }
    }

    @Override
    public synchronized void ended() {
        sayBye();
        state = State.READY;
        LOG.debug("Session {} reached the end of {}", id(), path());
    }

    @Override
    public synchronized void failed(MediaException cause) {
        MEDIA_FAILURES.warn(path(), "Session {} stopped: {}", id(), cause.getMessage());
    }

    /** Sends each track's BYE, with a last sender report that keeps the media clock of the earlier ones. */
    private void sayBye() {
        ReportInstant clock = pump.clock();
        for (TrackOutput output : outputs.values()) {
            output.sendBye(clock);
        }
    }

    /** Ends the session at its client's request (TEARDOWN): the connection stays open for more requests. */
    @Override
    public void teardown() {
        end();
    }

    /**
     * Ends the session from the server's side (kick, timeout, server stop): as {@link #teardown()}, and the
     * connection its media travels over (interleaved) is closed too, so the client notices at once. A UDP
     * session's ports are released, so whatever the client sends there is refused.
     */
    @Override
    public void close() {
        List<Channel> connections;
        synchronized (this) {
            connections = outputs.values().stream()
                    .filter(o -> o.transport() instanceof InterleavedTransport)
                    .map(o -> ((InterleavedTransport) o.transport()).connection()).distinct().toList();
        }
        if (end()) {
            connections.forEach(Channel::close);
        }
    }

    private boolean end() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            if (subscription != null) {
                cancelSubscription();
                for (TrackOutput output : outputs.values()) {
                    output.sendRelayBye();
                }
            }
            if (pump != null) {
                boolean wasPlaying = pump.running();
                pump.stop();
                if (wasPlaying) {
                    sayBye();
                }
            }
            for (TrackOutput output : outputs.values()) {
                output.transport().close();
            }
            if (reader != null) {
                reader.close();
            }
            state = State.READY;
        }
        onClose.accept(this);
        return true;
    }

    @Override
    public synchronized boolean closed() {
        return closed;
    }





    @Override
    public synchronized String state() {
        return state.name();
    }

    @Override
    public synchronized String transport() {
        return outputs.isEmpty() ? "-" : outputs.values().iterator().next().transport().kind();
    }


    @Override
    public synchronized long bytesSent() {
        return outputs.values().stream().mapToLong(TrackOutput::octets).sum();
    }

    @Override
    public synchronized long packetsSent() {
        return outputs.values().stream().mapToLong(TrackOutput::packets).sum();
    }

    @Override
    public synchronized ReceptionStats reception() {
        long reports = 0;
        long lost = 0;
        double fraction = 0;
        double jitter = 0;
        long expected = 0;
        double roundTrip = Double.NaN;
        for (TrackOutput output : outputs.values()) {
            ReceptionStats r = output.reception();
            reports += r.reports();
            lost += r.cumulativeLost();
            fraction = Math.max(fraction, r.fractionLost());
            jitter = Math.max(jitter, r.jitterMillis());
            expected += output.expectedPackets();
            if (!Double.isNaN(r.roundTripMillis())) {
                roundTrip = Double.isNaN(roundTrip) ? r.roundTripMillis() : Math.max(roundTrip, r.roundTripMillis());
            }
        }
        double lossPercent = expected <= 0 ? 0 : 100.0 * Math.max(0, lost) / expected;
        return new ReceptionStats(reports, lost, fraction, jitter, lossPercent, roundTrip);
    }
}
