package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;
import org.tributary.api.UserPrincipal;

/**
 * The one check of a request that names a session, whatever its method, session kind or transport:
 * it must come from the session's owner. That is the client address the session was created from,
 * and for a session whose user logged in, also either the connection it was created on or a request
 * that logs in again as that same user. Every other request gets 454, exactly as if the session did
 * not exist, and one log line. The owner's requests are then authorized again for the session's
 * path, so a removed user or a changed rule takes effect at once.
 */
final class SessionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    /** How a request is authorized: {@link ServerContext#authorize} for a session's path and mode. */
    interface Authorization {
        Optional<UserPrincipal> authorize(FullHttpRequest request, Channel channel, ServerSession session,
                                          Optional<UserPrincipal> known) throws AccessRefused, RtspException;
    }

    private final Authorization authorization;

    SessionGuard(Authorization authorization) {
        this.authorization = authorization;
    }

    /**
     * @throws RtspException 454 when the request is not the owner's
     * @throws AccessRefused when the owner's request is refused (401, 403)
     */
    void check(ServerSession session, FullHttpRequest request, Channel channel) throws RtspException, AccessRefused {
        SessionOwner owner = session.owner();
        InetAddress from = ServerContext.clientAddress(channel);
        if (owner == null) {
            throw foreign(session, request, channel, "it is not set up yet");
        }
        if (!owner.address().equals(from)) {
            throw foreign(session, request, channel, "it belongs to " + owner.address().getHostAddress());
        }
        Optional<UserPrincipal> user = session.user();
        if (user.isEmpty() || owner.connection() == channel) {
            authorization.authorize(request, channel, session, user);
            return;
        }
        // a logged-in user's session, from another connection: only that user, logging in again
        if (!request.headers().contains(RtspHeaders.AUTHORIZATION)) {
            throw foreign(session, request, channel, "no credentials on another connection");
        }
        Optional<UserPrincipal> again;
        try {
            again = authorization.authorize(request, channel, session, Optional.empty());
        } catch (AccessRefused refused) {
            throw foreign(session, request, channel, "credentials refused (" + refused.outcome().status().code() + ")");
        }
        if (again.isEmpty() || !again.get().name().equals(user.get().name())) {
            throw foreign(session, request, channel, "logged in as " + again.map(UserPrincipal::name).orElse("nobody")
                    + ", not as its user");
        }
    }

    private static RtspException foreign(ServerSession session, FullHttpRequest request, Channel channel,
                                         String reason) {
        REFUSALS.info(channel.remoteAddress(), "Refusing {} of session {} to {}: {}", request.method(),
                session.id(),
                ServerContext.clientName(channel), reason);
        return new RtspException(RtspResponseStatuses.SESSION_NOT_FOUND, "session " + session.id() + " is not "
                + ServerContext.clientName(channel) + "'s");
    }
}
