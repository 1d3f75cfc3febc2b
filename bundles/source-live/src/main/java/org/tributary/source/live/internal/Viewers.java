package org.tributary.source.live.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broadcast's viewers. Delivery runs on the publisher's threads; a viewer that throws is dropped so
 * that it cannot disturb the others.
 */
final class Viewers {

    private static final Logger LOG = LoggerFactory.getLogger(Viewers.class);

    private final String name;
    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** @param name the broadcast's full path, for logs */
    Viewers(String name) {
        this.name = name;
    }

    void add(Subscription subscription) {
        subscriptions.add(subscription);
    }

    boolean remove(Subscription subscription) {
        return subscriptions.remove(subscription);
    }

    int count() {
        return subscriptions.size();
    }

    /** Hands one packet, shared and read-only, to every viewer its start and pace admit. */
    void rtp(int track, ByteBuffer shared, boolean keyFrameStart) {
        // a plain loop: this runs once per packet for every viewer, a lambda would be one more object per packet
        for (Subscription subscription : subscriptions) {
            try {
                subscription.rtp(track, shared, keyFrameStart);
            } catch (RuntimeException e) {
                dropFailed(subscription, e);
            }
        }
    }

    void senderReport(int track, long ntpTimestamp, long rtpTimestamp) {
        each(subscription -> subscription.viewer().senderReport(track, ntpTimestamp, rtpTimestamp));
    }

    /** A new publisher continues the broadcast: every viewer starts again at a key frame. */
    void restart() {
        each(Subscription::restart);
    }

    /** Tells every viewer the broadcast ended, and forgets them. */
    void endAll() {
        for (Subscription subscription : subscriptions) {
            subscriptions.remove(subscription);
            subscription.end();
        }
    }

    private void each(Consumer<Subscription> action) {
        for (Subscription subscription : subscriptions) {
            try {
                action.accept(subscription);
            } catch (RuntimeException e) {
                dropFailed(subscription, e);
            }
        }
    }

    private void dropFailed(Subscription subscription, RuntimeException cause) {
        if (subscriptions.remove(subscription)) {
            LOG.warn("broadcast {} dropped a viewer that failed", name, cause);
        }
    }
}
