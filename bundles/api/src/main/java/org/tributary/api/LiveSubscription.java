package org.tributary.api;

/** A viewer's subscription to a {@link LivePresentation}. */
public interface LiveSubscription {

    /** Stops delivery; idempotent. */
    void cancel();
}
