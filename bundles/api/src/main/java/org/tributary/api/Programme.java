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
}
