package org.tributary.api;

import java.util.List;
import java.util.Optional;

/** Every open session of every protocol server, for management and kicking. */
public interface SessionRegistry {

    /** @param session a new session; protocol servers call this when a session is created */
    void add(StreamSession session);

    /** @param session a session that ended */
    void remove(StreamSession session);

    /** @return a snapshot of the open sessions, oldest first */
    List<StreamSession> sessions();

    /**
     * @param id a session id
     * @return the session, if open
     */
    Optional<StreamSession> find(String id);
}
