package org.tributary.mp3.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.tributary.api.station.StationInfo;
import org.tributary.security.HeapGuard;

/**
 * The stations on air by mount, the listener count over all of them, and the fallbacks: when a mount's source
 * ends, its listeners move to the station of its fallback mount (when that is on air) instead of being
 * closed, and when a source feeds the mount again they move back, as Icecast's {@code fallback-override}
 * does. Moved listeners are not counted against the fallback's own listener cap. Thread-safe.
 */
final class Stations {

    private volatile HeapGuard heap;

    /** Why a source or a listener was not taken. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final Map<String, Station> byMount = new HashMap<>();
    private final Map<String, String> fallbacks = new HashMap<>();
    private int listeners;
    private final Set<Consumer<Station>> watchers = new CopyOnWriteArraySet<>();

    /** @return the station at a mount, or null */
    synchronized Station find(String mount) {
        return byMount.get(mount);
    }

    /**
     * @return the station a listener asking for a mount gets: the mount's, else its fallback's when that is on
     *         air, else null
     */
    synchronized Station findForListener(String mount) {
        Station station = byMount.get(mount);
        if (station == null && fallbacks.containsKey(mount)) {
            station = byMount.get(fallbacks.get(mount));
        }
        return station;
    }

    /** Makes {@code fallbackMount} the fallback of {@code mount}. */
    synchronized void fallback(String mount, String fallbackMount) {
        fallbacks.put(mount, fallbackMount);
    }

    /** Removes the fallback of {@code mount} when it is {@code fallbackMount}. */
    synchronized void removeFallback(String mount, String fallbackMount) {
        fallbacks.remove(mount, fallbackMount);
    }

    /**
     * Puts a source on air at its mount: a new station, or the mount's station when taking over (the old
     * source is then stopped).
     *
     * @throws Refused when the mount is fed and takeover is off (403), or too many stations are on air (503)
     */
    Station attach(StationSource feed, String mount, StationMetadata metadata, Mp3Settings settings) throws Refused {
        StationSource previous;
        Station station;
        synchronized (this) {
            station = byMount.get(mount);
            if (station != null && !settings.takeover()) {
                throw new Refused(403, "Mountpoint in use");
            }
            if (station == null && byMount.size() >= settings.maxStations()) {
                throw new Refused(503, "Too many stations: " + settings.maxStations() + " are on air");
            }
            if (station == null) {
                station = new Station(mount, settings.ringBytes(), feed, metadata);
                byMount.put(mount, station);
                previous = null;
                moveHome(station);
            } else {
                previous = station.feed();
                station.feed(feed, metadata);
            }
        }
        if (previous != null) {
            previous.stop("taken over by " + feed.address());
        } else {
            onAir(station);
        }
        return station;
    }

    /**
     * Takes a feed's station off the air, unless another source took it over; its listeners move to the
     * mount's fallback when that is on air.
     */
    void ended(StationSource feed) {
        Station gone = null;
        synchronized (this) {
            for (Station station : byMount.values()) {
                if (station.feed() == feed) {
                    gone = station;
                }
            }
            if (gone != null) {
                byMount.remove(gone.mount());
                Station fallback = byMount.get(fallbacks.get(gone.mount()));
                if (fallback != null) {
                    move(gone, gone.listeners(), fallback);
                }
            }
        }
        if (gone != null) {
            gone.end();
        }
    }

    /** @param guard the heap's guard, asked before each listener is counted in; null for none */
    void heap(HeapGuard guard) {
        this.heap = guard;
    }

    /**
     * Counts a listener in.
     *
     * @throws Refused with 503 when the station or the server has as many listeners as allowed, or the heap
     *                is nearly full
     */
    synchronized void admit(Station station, ListenerStream listener, Mp3Settings settings) throws Refused {
        if (!settings.admits(station.listenerCount(), listeners)) {
            throw new Refused(503, "Too many listeners");
        }
        HeapGuard guard = heap;
        if (guard != null && guard.full()) {
            throw new Refused(503, "Low on memory: " + guard.describe());
        }
        if (station.ended()) {
            throw new Refused(404, "The station went off the air");
        }
        station.add(listener);
        listeners++;
    }

    /** Counts a listener out of the station it counts in (it may still be moving there). */
    synchronized void leave(ListenerStream listener) {
        if (listener.member().remove(listener)) {
            listeners--;
        }
    }

    /** Moves back the listeners of other stations whose home is the new station's mount. */
    private void moveHome(Station station) {
        for (Station other : byMount.values()) {
            if (other != station) {
                move(other, other.listeners().stream().filter(l -> l.home().equals(station.mount())).toList(),
                        station);
            }
        }
    }

    private static void move(Station from, List<ListenerStream> moving, Station to) {
        for (ListenerStream listener : moving) {
            if (from.remove(listener)) {
                to.add(listener);
                listener.moveTo(to);
            }
        }
    }

    /** @return the listeners over all stations */
    synchronized int listeners() {
        return listeners;
    }

    /** @return the sources on air */
    synchronized List<StationSource> feeds() {
        List<StationSource> feeds = new ArrayList<>();
        for (Station station : byMount.values()) {
            feeds.add(station.feed());
        }
        return feeds;
    }

    /** @return a snapshot of the stations, by mount */
    synchronized List<StationInfo> infos() {
        List<StationInfo> infos = new ArrayList<>();
        for (Station station : byMount.values()) {
            infos.add(station.info());
        }
        infos.sort(Comparator.comparing(StationInfo::mount));
        return infos;
    }

    /** @see OnAir#watch */
    Runnable watch(Consumer<Station> onAir) {
        watchers.add(onAir);
        List<Station> now;
        synchronized (this) {
            now = List.copyOf(byMount.values());
        }
        now.forEach(onAir);
        return () -> watchers.remove(onAir);
    }

    /** Tells the watchers of a station that went on air: every way onto the air goes through here. */
    private void onAir(Station station) {
        for (Consumer<Station> watcher : watchers) {
            watcher.accept(station);
        }
    }
}
