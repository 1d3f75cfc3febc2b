package org.tributary.rtsp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import org.tributary.api.AccessMode;
import org.tributary.api.AccessService;
import org.tributary.api.MediaPresentation;
import org.tributary.api.MountRegistry;
import org.tributary.api.UserPrincipal;
import org.tributary.rtp.UdpPortPool;
import org.tributary.rtp.rtsp.RtspHeaderException;
import org.tributary.rtp.rtsp.SessionHeader;
import org.tributary.rtsp.internal.guard.RefusalCounter;
import org.tributary.security.ConfinedFolder;

/** What every connection of the server shares; the parts a configuration change replaces are volatile. */
final class ServerContext {

    private final MountRegistry mounts;
    private final AccessService access;
    private final RtspSessions sessions;
    private volatile RtspAuthorizer authorizer;
    private volatile UdpPortPool ports;
    private volatile boolean udpShared = true;
    private final ViewerSockets viewerSockets = new ViewerSockets();
    private final String fallbackMediaAddress;
    private final PresentationOpener opener;
    private final RefusalCounter refusals = new RefusalCounter();
    private final SessionGuard guard = new SessionGuard((request, channel, session, known) ->
            authorize(request, channel, session.path(), session.owner().mode(), known));

    ServerContext(MountRegistry mounts, AccessService access, RtspAuthorizer authorizer, RtspSessions sessions,
                  UdpPortPool ports, String fallbackMediaAddress, PresentationOpener opener) {
        this.opener = opener;
        this.mounts = mounts;
        this.access = access;
        this.authorizer = authorizer;
        this.sessions = sessions;
        this.ports = ports;
        this.fallbackMediaAddress = fallbackMediaAddress;
    }

    /** New sessions take their ports from the new pool; running sessions return theirs to the pool they came from. */
    void ports(UdpPortPool newPorts) {
        this.ports = newPorts;
    }

    /** Viewers' UDP tracks set up from now on share their loop's socket pair, or each binds its own. */
    void udpShared(boolean shared) {
        this.udpShared = shared;
    }

    /** @return the shared socket pairs of viewers' UDP tracks, or null when each track binds its own */
    ViewerSockets viewerSockets() {
        return udpShared ? viewerSockets : null;
    }

    void authorizer(RtspAuthorizer newAuthorizer) {
        this.authorizer = newAuthorizer;
    }

    /** Opens a presentation off the event loop; the stage completes on {@code loop}. */
    CompletionStage<MediaPresentation> open(String path, EventLoop loop) {
        return opener.open(this, path, loop);
    }

    /** @return where the refusals of every connection of the server are counted */
    RefusalCounter refusals() {
        return refusals;
    }

    PresentationOpener opener() {
        return opener;
    }

    AccessService access() {
        return access;
    }

    /**
     * Lets a request through or refuses it.
     *
     * @param known the user of the request's session, if any
     * @return the user the request runs as (empty: anonymous)
     * @throws AccessRefused with the status and challenges to answer
     */
    Optional<UserPrincipal> authorize(FullHttpRequest request, Channel channel, String path,
                                      Optional<UserPrincipal> known) throws AccessRefused, RtspException {
        return authorize(request, channel, path, AccessMode.READ, known);
    }

    /** Like {@link #authorize(FullHttpRequest, Channel, String, Optional)} for a given mode (WRITE: publishing). */
    Optional<UserPrincipal> authorize(FullHttpRequest request, Channel channel, String path, AccessMode mode,
                                      Optional<UserPrincipal> known) throws AccessRefused, RtspException {
        requireContainedPath(path);
        RtspAuthorizer.Outcome outcome = authorizer.authorize(request, clientAddress(channel), path, mode, known);
        if (!outcome.allowed()) {
            throw new AccessRefused(outcome);
        }
        return outcome.user();
    }

    /**
     * A path that tries to climb out of its mount (any shape {@link ConfinedFolder#problem} refuses:
     * {@code ..}, a backslash, control characters, a twice-encoded escape...) names nothing: 404 before any
     * rule or credential is looked at, whatever source would serve it. The root and a trailing '/' pass.
     */
    static void requireContainedPath(String path) throws RtspException {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        relative = relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
        if (!relative.isEmpty()) {
            Optional<String> problem = ConfinedFolder.problem(relative);
            if (problem.isPresent()) {
                throw new RtspException(RtspResponseStatuses.NOT_FOUND, "path " + ConfinedFolder.printable(path)
                        + " is refused: " + problem.get());
            }
        }
    }

    /**
     * The one lookup of the session a request names, for every method, session kind and transport:
     * only the session's owner gets it (see {@link SessionGuard}), authorized again for its path.
     *
     * @param channel the connection the request came on
     * @return the session named by the request's Session header, touched; null when there is no header
     * @throws RtspException 454 when no such session is open, or it is not this client's
     * @throws AccessRefused when the owner's request is refused (401, 403)
     */
    ServerSession session(FullHttpRequest request, Channel channel)
            throws RtspException, RtspHeaderException, AccessRefused {
        String value = request.headers().get(RtspHeaders.SESSION);
        if (value == null) {
            return null;
        }
        ServerSession session = sessions.get(SessionHeader.parse(value).id());
        if (session == null || session.closed()) {
            throw new RtspException(RtspResponseStatuses.SESSION_NOT_FOUND, "no session " + value);
        }
        guard.check(session, request, channel);
        session.touch();
        return session;
    }

    /** @return the client as {@code host:port}, for sessions, management and logs */
    static String clientName(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress remote
                ? remote.getAddress().getHostAddress() + ":" + remote.getPort() : String.valueOf(channel.remoteAddress());
    }

    static InetAddress clientAddress(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress remote ? remote.getAddress()
                : InetAddress.getLoopbackAddress();
    }

    MountRegistry mounts() {
        return mounts;
    }

    RtspSessions sessions() {
        return sessions;
    }

    UdpPortPool ports() {
        return ports;
    }

    /**
     * @return the address a session's RTP/RTCP sockets bind to: the local address of the client's RTSP
     *         connection, so media leaves from the address the client asked (a server listening on
     *         several addresses, or on all of them, never answers from another one); the fallback only
     *         for a connection without an IP address (tests)
     */
    String mediaAddress(Channel channel) {
        return channel.localAddress() instanceof InetSocketAddress local && !local.getAddress().isAnyLocalAddress()
                ? local.getAddress().getHostAddress() : fallbackMediaAddress;
    }
}
