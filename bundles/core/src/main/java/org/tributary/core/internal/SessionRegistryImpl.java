package org.tributary.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;

/** The live set of sessions of every protocol server. */
@Component(service = SessionRegistry.class)
public class SessionRegistryImpl implements SessionRegistry {

    private final Map<String, StreamSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void add(StreamSession session) {
        sessions.put(session.id(), session);
    }

    @Override
    public void remove(StreamSession session) {
        sessions.remove(session.id(), session);
    }

    @Override
    public List<StreamSession> sessions() {
        List<StreamSession> out = new ArrayList<>(sessions.values());
        out.sort(Comparator.comparing(StreamSession::created));
        return out;
    }

    @Override
    public Optional<StreamSession> find(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }
}
