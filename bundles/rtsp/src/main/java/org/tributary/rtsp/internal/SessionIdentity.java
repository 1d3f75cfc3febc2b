package org.tributary.rtsp.internal;

import java.time.Instant;
import java.util.Optional;

import org.tributary.api.UserPrincipal;
import org.tributary.security.ClientText;

/** What every RTSP session is: who, from where, for which path, since when, and when it was last heard of. */
abstract class SessionIdentity implements ServerSession {

    private final String id;
    private final String path;
    private final String client;
    private final Optional<UserPrincipal> user;
    private final Instant created = Instant.now();
    private final long createdNanos = System.nanoTime();
    private volatile long lastActivity = createdNanos;
    private volatile boolean started;
    private volatile SessionOwner owner;
    private volatile String userAgent = "";

    SessionIdentity(String id, String path, String client, Optional<UserPrincipal> user) {
        this.id = id;
        this.path = path;
        this.client = client;
        this.user = user;
    }

    @Override
    public void touch() {
        lastActivity = System.nanoTime();
    }

    @Override
    public long idleNanos() {
        return System.nanoTime() - lastActivity;
    }

    /**
     * Gives the session to the client whose request created it, before the client learns its id;
     * a session never claimed belongs to nobody.
     */
    void claim(SessionOwner newOwner) {
        owner = newOwner;
    }

    /** @param value the User-Agent of the request that created the session (null: none), kept cleaned */
    void userAgent(String value) {
        userAgent = ClientText.clean(value);
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    @Override
    public String userName() {
        return user.map(UserPrincipal::name).orElse("");
    }

    @Override
    public SessionOwner owner() {
        return owner;
    }

    @Override
    public long ageNanos() {
        return System.nanoTime() - createdNanos;
    }

    /** The session played (or recorded): from now on only inactivity reclaims it. */
    void markStarted() {
        started = true;
    }

    @Override
    public boolean started() {
        return started;
    }

    @Override
    public Optional<UserPrincipal> user() {
        return user;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String protocol() {
        return "RTSP";
    }

    @Override
    public String clientAddress() {
        return client;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Instant created() {
        return created;
    }
}
