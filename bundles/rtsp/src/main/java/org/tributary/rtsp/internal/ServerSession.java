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

    /** @return true when media goes over this connection, so the session cannot outlive it */
    boolean dependsOn(Channel connection);

    /** @return true when media goes over a connection that is still open (which keeps it alive) */
    boolean dependsOnOpenConnection();

    /** @return true once closed */
    boolean closed();
}
