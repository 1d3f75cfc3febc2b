package org.tributary.rtsp.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.MediaPresentation;
import org.tributary.api.SessionRegistry;
import org.tributary.api.UserPrincipal;

/**
 * The server's RTSP sessions by id, published to the {@link SessionRegistry}, and the reaper that
 * reclaims the sessions of clients that vanished: no request and no RTCP for the timeout.
 */
final class RtspSessions {

    private static final Logger LOG = LoggerFactory.getLogger(RtspSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ServerSession> sessions = new ConcurrentHashMap<>();
    private final SessionRegistry registry;
    private final ScheduledFuture<?> reaper;
    private volatile long timeoutNanos;
    private volatile int timeoutSeconds;

    RtspSessions(SessionRegistry registry, ScheduledExecutorService timer, int timeoutSeconds) {
        this.registry = registry;
        timeout(timeoutSeconds);
        this.reaper = timer.scheduleWithFixedDelay(this::reap, 1, 1, TimeUnit.SECONDS);
    }

    void timeout(int seconds) {
        timeoutSeconds = seconds;
        timeoutNanos = TimeUnit.SECONDS.toNanos(seconds);
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    RtspSession create(String path, String client, Optional<UserPrincipal> user, MediaPresentation presentation,
                       EventLoop loop) {
        return add(id -> new RtspSession(id, path, client, user, presentation, loop, this::closed));
    }

    /** Registers a session built with a fresh, unique, unguessable id. */
    <S extends ServerSession> S add(Function<String, S> factory) {
        S session;
        do {
            byte[] bytes = new byte[8];
            RANDOM.nextBytes(bytes);
            session = factory.apply(HexFormat.of().withUpperCase().formatHex(bytes));
        } while (sessions.putIfAbsent(session.id(), session) != null);
        registry.add(session);
        return session;
    }

    ServerSession get(String id) {
        return id == null ? null : sessions.get(id);
    }

    int size() {
        return sessions.size();
    }

    void closed(ServerSession session) {
        sessions.remove(session.id(), session);
        registry.remove(session);
    }

    /** @return the sessions whose media travels over this connection */
    List<ServerSession> onConnection(Channel connection) {
        List<ServerSession> out = new ArrayList<>();
        for (ServerSession session : sessions.values()) {
            if (session.dependsOn(connection)) {
                out.add(session);
            }
        }
        return out;
    }

    /** Ends the sessions whose media travels over a connection that just closed. */
    void connectionClosed(Channel connection) {
        for (ServerSession session : new ArrayList<>(sessions.values())) {
            if (session.dependsOn(connection)) {
                session.close();
            }
        }
    }

    private void reap() {
        for (ServerSession session : new ArrayList<>(sessions.values())) {
            if (session.idleNanos() > timeoutNanos && !session.dependsOnOpenConnection()) {
                LOG.info("RTSP session {} of {} timed out after {} s without a request or RTCP report; reclaimed",
                        session.id(), session.clientAddress(), timeoutSeconds);
                session.close();
            }
        }
    }

    /** Ends every session (server stopping). */
    void closeAll() {
        reaper.cancel(false);
        for (ServerSession session : new ArrayList<>(sessions.values())) {
            session.close();
        }
    }
}
