package org.tributary.api;

import java.util.List;

/** A protocol server (RTSP, HTTP…) that reports its listening sockets. */
public interface ProtocolServer {

    /** @return the protocol it speaks, such as {@code "RTSP"} */
    String protocol();

    /** @return its configured endpoints, bound or not */
    List<Endpoint> endpoints();

    /** @return whether its endpoints are open; false after {@link #serve(boolean) serve(false)} */
    default boolean serving() {
        return true;
    }

    /**
     * Stops or starts serving without stopping the bundle: closing the listening sockets ends the
     * sessions and connections; opening them binds the configured endpoints again.
     *
     * @param on true to serve, false to stop
     * @throws UnsupportedOperationException when this server cannot be stopped on its own
     */
    default void serve(boolean on) {
        throw new UnsupportedOperationException(protocol() + " cannot be stopped on its own");
    }

    /** @return why its last configuration was rejected, as one line; empty when it was applied */
    default String configError() {
        return "";
    }
}
