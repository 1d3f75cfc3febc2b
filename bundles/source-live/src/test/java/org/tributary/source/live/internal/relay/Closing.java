package org.tributary.source.live.internal.relay;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.rules.ExternalResource;

/** Closes what a test opened once it ended, the last opened first (a relay before its origin). */
final class Closing extends ExternalResource {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** @return {@code resource}, to be closed after the test */
    <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    @Override
    protected void after() {
        Exception first = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new IllegalStateException("closing after the test failed", first);
        }
    }
}
