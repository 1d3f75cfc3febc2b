package org.tributary.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.SessionRegistry;
import org.tributary.api.StreamSession;

/** The live set of sessions of every protocol server; ended sessions go to the {@link SessionListener}s. */
@Component(service = SessionRegistry.class)
public class SessionRegistryImpl implements SessionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistryImpl.class);

    private final Map<String, StreamSession> sessions = new ConcurrentHashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    /** The totals and the access log, which may come and go while sessions run. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeListener")
    void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void add(StreamSession session) {
        sessions.put(session.id(), session);
        tell(listener -> listener.added(session), session);
    }

    @Override
    public void remove(StreamSession session) {
        if (!sessions.remove(session.id(), session)) {
            return;
        }
        int open = sessions.size();
        tell(listener -> listener.ended(session, open), session);
    }

    private void tell(Consumer<SessionListener> event, StreamSession session) {
        for (SessionListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Session listener {} failed on session {}", listener, session.id(), e);
            }
        }
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
