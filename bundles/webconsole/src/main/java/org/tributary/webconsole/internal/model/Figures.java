package org.tributary.webconsole.internal.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tributary.api.ProtocolServer;
import org.tributary.api.StreamSession;

/** Small figures computed from sessions and servers, shared by the reports, the metrics and JMX. */
public final class Figures {

    private Figures() {
    }

    /**
     * @param sessions open sessions
     * @return how many of each kind, with every kind present
     */
    public static Map<String, Long> byKind(List<StreamSession> sessions) {
        Map<String, Long> kinds = new TreeMap<>();
        for (String kind : List.of(StreamSession.VIEWER, StreamSession.PUBLISHER, StreamSession.LISTENER)) {
            kinds.put(kind, 0L);
        }
        for (StreamSession session : sessions) {
            kinds.merge(kind(session), 1L, Long::sum);
        }
        return kinds;
    }

    /**
     * @param session a session
     * @return its kind, {@link StreamSession#VIEWER} when it cannot say
     */
    public static String kind(StreamSession session) {
        try {
            String kind = session.kind();
            return kind == null || kind.isEmpty() ? StreamSession.VIEWER : kind;
        } catch (UnsupportedOperationException e) {
            return StreamSession.VIEWER;
        }
    }

    /**
     * @param server a protocol server
     * @return whether it serves; true when it cannot say
     */
    public static boolean serving(ProtocolServer server) {
        try {
            return server.serving();
        } catch (UnsupportedOperationException e) {
            return true;
        }
    }

    /**
     * @param server a protocol server
     * @return why its last configuration was rejected, or empty
     */
    public static String configError(ProtocolServer server) {
        try {
            String error = server.configError();
            return error == null ? "" : error;
        } catch (UnsupportedOperationException e) {
            return "";
        }
    }
}
