package org.tributary.rtsp.internal;

import java.net.InetAddress;

import io.netty.channel.Channel;
import org.tributary.api.AccessMode;

/**
 * The client a session belongs to: the address and the connection that created it, and the access
 * it was admitted for (READ for a viewer, WRITE for a publisher), which every later request of the
 * session is checked for again.
 *
 * @param address    the client's IP address
 * @param connection the RTSP connection (for a tunnel, its GET side) the session was created on
 * @param mode       what the session does with its path
 */
record SessionOwner(InetAddress address, Channel connection, AccessMode mode) {

    /** @return the owner of a session created by a request on {@code connection} */
    static SessionOwner of(Channel connection, AccessMode mode) {
        return new SessionOwner(ServerContext.clientAddress(connection), connection, mode);
    }
}
