package org.tributary.mp3.internal;

import java.util.function.Consumer;

/**
 * The stations on air, as the bundle's other components follow them. Registered as a service that only this
 * bundle can see (its type is private to the bundle), so those components come and go with their own
 * references while the broadcast keeps running.
 */
public interface OnAir {

    /**
     * Follows the stations.
     *
     * @param onAir told of every station on air now and of each one that goes on air later, possibly twice
     *              for a station going on air during the call; must not block
     * @return stops telling, idempotent
     */
    Runnable watch(Consumer<Station> onAir);
}
