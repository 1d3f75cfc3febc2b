package org.tributary.mp3.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;

/** A session registry that keeps a list. */
final class FakeSessions implements SessionRegistry {

    final List<StreamSession> sessions = new CopyOnWriteArrayList<>();

    @Override
    public void add(StreamSession session) {
        sessions.add(session);
    }

    @Override
    public void remove(StreamSession session) {
        sessions.remove(session);
    }

    @Override
    public List<StreamSession> sessions() {
        return List.copyOf(sessions);
    }

    /** @return the listeners' sessions (sources are sessions too) */
    List<StreamSession> listeners() {
        return sessions.stream().filter(s -> StreamSession.LISTENER.equals(s.kind())).toList();
    }

    @Override
    public Optional<StreamSession> find(String id) {
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
