package org.tributary.core.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessLog;
import org.tributary.api.StreamSession;

/**
 * Writes one {@link W3cLine} per finished session to the logger {@value #LOGGER} (pax-logging sends it to
 * its own rolling file, {@code data/log/tributary-access.log}, whose header names the fields: see
 * {@code etc/org.ops4j.pax.logging.cfg}) and keeps the newest {@value #KEPT} lines for the shell and the
 * console.
 */
// immediate: every session that ends after the bundle starts is logged, whether or not anyone reads the log
@Component(service = {AccessLog.class, SessionListener.class}, immediate = true)
public class AccessLogImpl implements AccessLog, SessionListener {

    /** The logger of the access lines; the logging configuration gives it its own file. */
    public static final String LOGGER = "tributary.access";
    /** Lines kept in memory. */
    static final int KEPT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final ArrayDeque<String> recent = new ArrayDeque<>(KEPT);

    @Override
    public String fields() {
        return W3cLine.FIELDS_LINE;
    }

    @Override
    public List<String> recent(int max) {
        List<String> out = new ArrayList<>(Math.max(0, Math.min(max, KEPT)));
        synchronized (recent) {
            Iterator<String> newestFirst = recent.descendingIterator();
            while (newestFirst.hasNext() && out.size() < max) {
                out.add(newestFirst.next());
            }
        }
        return out;
    }

    @Override
    public void ended(StreamSession session, int stillOpen) {
        String line = W3cLine.of(session, Instant.now(), stillOpen);
        synchronized (recent) {
            if (recent.size() == KEPT) {
                recent.removeFirst();
            }
            recent.addLast(line);
        }
        LOG.info("{}", line);
    }
}
