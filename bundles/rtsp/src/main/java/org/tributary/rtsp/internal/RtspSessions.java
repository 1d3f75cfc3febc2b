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
import org.tributary.security.RefusalLog;

/**
 * The server's RTSP sessions by id, published to the {@link SessionRegistry}, and the reaper that
 * reclaims the sessions of clients that vanished or hold a session without using it: no request and no
 * RTCP for the timeout, or set up and never played (or recorded) within it, whether or not their
 * connection is still open.
 */
final class RtspSessions {

    private static final Logger LOG = LoggerFactory.getLogger(RtspSessions.class);
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ServerSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Long> reserved = new ConcurrentHashMap<>();
    private final Admission admission = new Admission();
    private final SessionShares shares = new SessionShares();
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

    /** The limits on sessions and throughput that new sessions are admitted against. */
    Admission admission() {
        return admission;
    }

    /** The caps on sessions per connection and per client address. */
    SessionShares shares() {
        return shares;
    }

    /**
     * Creates a playing session, admitted against the limits with the presentation's bit rate.
     *
     * @throws RtspException 503 or 453 when a limit is reached
     */
    RtspSession create(String path, String client, Optional<UserPrincipal> user, MediaPresentation presentation,
                       EventLoop loop) throws RtspException {
        return add(id -> new RtspSession(id, path, client, user, presentation, loop, this::closed),
                presentation.bitrate(), path + " from " + client);
    }

    /**
     * Registers a session built with a fresh, unique, unguessable id, once admitted.
     *
     * @param bitsPerSecond what it sends, reserved until it closes; 0 when it sends nothing
     * @param what          path and client, for the log line of a refusal
     * @throws RtspException 503 or 453 when a limit or a fair-share cap is reached
     */
    <S extends ServerSession> S add(Function<String, S> factory, long bitsPerSecond, String what)
            throws RtspException {
        S session;
        synchronized (this) {
            do {
                byte[] bytes = new byte[8];
                RANDOM.nextBytes(bytes);
                session = factory.apply(HexFormat.of().withUpperCase().formatHex(bytes));
            } while (sessions.containsKey(session.id()));
            shares.admit(session.clientAddress(), sessions.values(), what);
            admission.admit(bitsPerSecond, what);
            sessions.put(session.id(), session);
        }
        reserved.put(session.id(), bitsPerSecond);
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
        if (sessions.remove(session.id(), session)) {
            Long bits = reserved.remove(session.id());
            admission.release(bits == null ? 0 : bits);
        }
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

    /** @return true when a session was set up on this connection and is still open */
    boolean anyOn(Channel connection) {
        String client = ServerContext.clientName(connection);
        return sessions.values().stream().anyMatch(session -> session.clientAddress().equals(client));
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
        long limit = timeoutNanos;
        for (ServerSession session : new ArrayList<>(sessions.values())) {
            if (!session.started() && session.ageNanos() > limit) {
                REFUSALS.info(session.clientAddress(),
                        "RTSP session {} of {} for {} was set up and not played within {} s; reclaimed",
                        session.id(), session.clientAddress(), session.path(), timeoutSeconds);
                session.close();
            } else if (session.idleNanos() > limit) {
                REFUSALS.info(session.clientAddress(),
                        "RTSP session {} of {} timed out after {} s without a request or RTCP report; reclaimed",
                        session.id(), session.clientAddress(), timeoutSeconds);
                session.close();
            }
        }
    }

    /** Ends every session for good (server going away). */
    void closeAll() {
        reaper.cancel(false);
        endAll();
    }

    /** Ends every session (service stopped); new ones may follow. */
    void endAll() {
        for (ServerSession session : new ArrayList<>(sessions.values())) {
            session.close();
        }
    }
}
