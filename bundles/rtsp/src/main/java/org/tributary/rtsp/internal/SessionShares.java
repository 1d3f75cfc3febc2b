package org.tributary.rtsp.internal;

import java.util.Collection;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

/**
 * Fair shares of the server's sessions: at most so many per connection and per client address, so that
 * one address cannot take every session while clients behind one NAT still fit. A session over a cap is
 * refused with 453 and a reason phrase that names the cap, after one log line. A session's client is the
 * {@code host:port} of the connection it was set up on ({@link ServerContext#clientName}), so its host
 * is the client address and the whole names the connection.
 */
final class SessionShares {

    private static final Logger LOG = LoggerFactory.getLogger(SessionShares.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    static final HttpResponseStatus TOO_MANY_ON_CONNECTION =
            new HttpResponseStatus(453, "Too Many Sessions On This Connection");
    static final HttpResponseStatus TOO_MANY_FROM_ADDRESS =
            new HttpResponseStatus(453, "Too Many Sessions From This Address");

    private volatile int perConnection;
    private volatile int perAddress;

    /**
     * @param maxPerConnection most sessions set up on one connection; 0 for no limit
     * @param maxPerAddress    most sessions of one client address; 0 for no limit
     */
    void limits(int maxPerConnection, int maxPerAddress) {
        this.perConnection = maxPerConnection;
        this.perAddress = maxPerAddress;
    }

    /**
     * Lets one more session of {@code client} in, or refuses it.
     *
     * @param client the new session's client, {@code host:port}
     * @param open   the sessions open now
     * @param what   the path and client, for the log line
     * @throws RtspException 453 with a reason phrase naming the cap
     */
    void admit(String client, Collection<? extends ServerSession> open, String what) throws RtspException {
        int connectionLimit = perConnection;
        int addressLimit = perAddress;
        if (connectionLimit <= 0 && addressLimit <= 0) {
            return;
        }
        String host = host(client);
        int onConnection = 0;
        int fromAddress = 0;
        for (ServerSession session : open) {
            String other = session.clientAddress();
            if (other.equals(client)) {
                onConnection++;
            }
            if (host.equals(host(other))) {
                fromAddress++;
            }
        }
        if (connectionLimit > 0 && onConnection >= connectionLimit) {
            REFUSALS.info(host, "Refused a session for {}: {} sessions on its connection, "
                    + "maxSessionsPerConnection is {} (453)", what, onConnection, connectionLimit);
            throw new RtspException(TOO_MANY_ON_CONNECTION, onConnection + " sessions on its connection");
        }
        if (addressLimit > 0 && fromAddress >= addressLimit) {
            REFUSALS.info(host, "Refused a session for {}: {} sessions from {}, maxSessionsPerAddress is {} (453)",
                    what, fromAddress, host, addressLimit);
            throw new RtspException(TOO_MANY_FROM_ADDRESS, fromAddress + " sessions from " + host);
        }
    }

    /** @return the host of a {@code host:port} client (IPv6 hosts hold colons of their own) */
    static String host(String client) {
        int colon = client.lastIndexOf(':');
        return colon < 0 ? client : client.substring(0, colon);
    }
}
