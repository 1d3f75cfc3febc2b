package org.tributary.mp3.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.tributary.api.loop.LoopWakes;
import org.tributary.api.station.StationInfo;
import org.tributary.rtp.mpa.Mp3FrameHeader;

/** One mount on air: its source, its ring of recent audio, its metadata and title, its listeners. */
final class Station {

    /**
     * A title with its ICY block, encoded once for every listener.
     *
     * @param text  the title
     * @param block the metadata block carrying it, read-only
     */
    record Title(String text, ByteBuffer block) {

        static final Title NONE = new Title("", IcyMetadata.block(""));

        static Title of(String text) {
            return new Title(text, IcyMetadata.block(text));
        }
    }

    /** The most chunks a ring keeps: with one chunk per source packet, over a minute of audio. */
    static final int MAX_CHUNKS = 4096;

    private final String mount;
    private final StationRing ring;
    private final Set<ListenerStream> listeners = ConcurrentHashMap.newKeySet();
    private volatile StationSource feed;
    private volatile StationMetadata metadata;
    private volatile Title title = Title.NONE;
    private volatile Mp3FrameHeader format;
    private final Set<StationTap> taps = new CopyOnWriteArraySet<>();
    private volatile boolean ended;

    Station(String mount, int ringBytes, StationSource feed, StationMetadata metadata) {
        this.mount = mount;
        this.ring = new StationRing(ringBytes, MAX_CHUNKS);
        this.feed = feed;
        this.metadata = metadata;
    }

    String mount() {
        return mount;
    }

    StationRing ring() {
        return ring;
    }

    StationSource feed() {
        return feed;
    }

    /** Hands the station to a new source (a takeover); the metadata becomes the new source's. */
    void feed(StationSource newFeed, StationMetadata newMetadata) {
        this.feed = newFeed;
        this.metadata = newMetadata;
    }

    StationMetadata metadata() {
        return metadata;
    }

    Title title() {
        return title;
    }

    /** Sets the title every listener with ICY metadata gets at its next metadata block. */
    void title(String text) {
        title = Title.of(text);
    }

    /** @return the bit rate of the latest frame in kbit/s, or 0 before any */
    int frameKbps() {
        Mp3FrameHeader header = format;
        return header == null ? 0 : header.bitrate() / 1000;
    }

    /** Adds whole frames from the source, wakes every listener and hands the frames to every tap. */
    void append(FrameScanner.Frames frames) {
        ByteBuffer data = frames.toBuffer();
        ring.append(data, frames.micros());
        format = frames.header();
        LoopWakes.wake(listeners);
        for (StationTap tap : taps) {
            tap.frames(data.duplicate());
        }
    }

    /** Hands the audio appended from now on to a tap, until it is removed or the station ends (at once if it has). */
    void tap(StationTap tap) {
        taps.add(tap);
        if (ended && taps.remove(tap)) {
            tap.ended();
        }
    }

    void untap(StationTap tap) {
        taps.remove(tap);
    }

    int listenerCount() {
        return listeners.size();
    }

    void add(ListenerStream listener) {
        listeners.add(listener);
    }

    /** @return a snapshot of the listeners */
    List<ListenerStream> listeners() {
        return List.copyOf(listeners);
    }

    /** @return whether the listener was one of this station's */
    boolean remove(ListenerStream listener) {
        return listeners.remove(listener);
    }

    boolean ended() {
        return ended;
    }

    /** Takes the station off the air: every listener's stream ends once what it was sent is out. */
    void end() {
        ended = true;
        for (ListenerStream listener : listeners) {
            listener.wake();
        }
        for (StationTap tap : taps) {
            if (taps.remove(tap)) {
                tap.ended();
            }
        }
    }

    StationInfo info() {
        StationSource source = feed;
        return new StationInfo(mount, source.address(), describe(format), format == null ? 0 : format.bitrate(),
                listeners.size(), title.text(), source.started());
    }

    private static String describe(Mp3FrameHeader header) {
        if (header == null) {
            return "MP3";
        }
        String version = header.version() == 3 ? "MPEG-1" : header.version() == 2 ? "MPEG-2" : "MPEG-2.5";
        return version + " Layer III " + header.sampleRate() + " Hz " + (header.channels() == 1 ? "mono" : "stereo");
    }
}
