package org.tributary.api;

/** A configured relay that pulls a stream from an origin server and republishes it as a live path. */
public interface Relay {

    /** @return its state now */
    RelayInfo info();
}
