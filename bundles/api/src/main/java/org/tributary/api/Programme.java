package org.tributary.api;

/**
 * A scheduled live programme (a playlist played as a broadcast), registered as an OSGi service so
 * management tools can show what is on now and next.
 */
public interface Programme {

    /** @return the path it is broadcast at, below the live source's mount (such as {@code channel1}) */
    String path();

    /** @return the item playing now, or empty between items */
    String current();

    /** @return the item that plays next, or empty when the programme ends after this one */
    String next();

    /** @return seconds into the current item */
    double position();

    /** @return whether it is playing; false after {@link #stop()} */
    default boolean running() {
        return true;
    }

    /** Starts it again from its first item (after {@link #stop()}); viewers that stayed get the new item. */
    default void start() {
        throw new UnsupportedOperationException("this programme cannot start");
    }

    /** Stops it: the broadcast ends and its viewers get RTCP BYE; the configuration stays. */
    default void stop() {
        throw new UnsupportedOperationException("this programme cannot stop");
    }

    /** Ends the current item now and goes on with the next one. */
    default void skip() {
        throw new UnsupportedOperationException("this programme cannot skip");
    }
}
