package org.tributary.rtsp.internal;

import java.util.Optional;

import io.netty.channel.Channel;
import org.tributary.api.StreamSession;
import org.tributary.api.UserPrincipal;

/** What the session registry and its reaper need of a playing or a publishing RTSP session. */
interface ServerSession extends StreamSession {

    /** Records client activity: a request or an RTCP report keeps the session alive. */
    void touch();

    /** @return nanoseconds since the last activity */
    long idleNanos();

    /** @return nanoseconds since the session was set up */
    long ageNanos();

    /** @return true once the session played (or recorded), even if it is paused now */
    boolean started();

    /** @return the user the session runs as */
    Optional<UserPrincipal> user();

    /** @return the client the session belongs to; null before its creating request claimed it */
    SessionOwner owner();

    /** @return true when media goes over this connection, so the session cannot outlive it */
    boolean dependsOn(Channel connection);

    /** @return true once closed */
    boolean closed();

    /**
     * Ends the session at its client's request (TEARDOWN): the media stops, and the connection stays
     * open for the client's next requests. {@link #close()} is the server's end (kick, timeout, stop): it
     * also closes the connection the session's media travels over, and a publisher's connection.
     */
    void teardown();
}
