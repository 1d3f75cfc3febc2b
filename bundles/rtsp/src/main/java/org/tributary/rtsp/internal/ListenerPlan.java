package org.tributary.rtsp.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What applying new settings does to the listening sockets: close those no longer wanted, bind those
 * not yet bound, and leave every other one (and the connections it accepted) alone.
 *
 * @param toClose bound listeners that are no longer wanted
 * @param toBind  wanted listeners that are not bound (new ones, and ones that failed before)
 */
record ListenerPlan(List<ListenerKey> toClose, List<ListenerKey> toBind) {

    static ListenerPlan between(Collection<ListenerKey> bound, Collection<ListenerKey> wanted) {
        List<ListenerKey> close = new ArrayList<>(bound);
        close.removeAll(wanted);
        List<ListenerKey> bind = new ArrayList<>();
        for (ListenerKey key : wanted) {
            if (!bound.contains(key) && !bind.contains(key)) {
                bind.add(key);
            }
        }
        return new ListenerPlan(close, bind);
    }
}
