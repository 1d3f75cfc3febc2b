package org.tributary.webconsole.internal.log;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.ops4j.pax.logging.spi.PaxAppender;
import org.ops4j.pax.logging.spi.PaxLoggingEvent;
import org.osgi.service.component.annotations.Component;
import org.tributary.webconsole.internal.model.WarningLog;

/**
 * Keeps the last {@link #CAPACITY} WARN and ERROR lines of the {@code org.tributary} loggers. It is a
 * pax-logging appender service: Karaf's logging configuration hands every event to the appender
 * services ({@code PaxOsgi} appender), so nothing needs configuring.
 */
@Component(service = {PaxAppender.class, WarningLog.class},
        property = "org.ops4j.pax.logging.appender.name=TributaryWarnings")
public class WarningCapture implements PaxAppender, WarningLog {

    static final int CAPACITY = 500;
    /** syslog severity of WARN; ERROR and worse are lower numbers */
    private static final int SYSLOG_WARNING = 4;

    private final ArrayDeque<String> lines = new ArrayDeque<>();

    @Override
    public void doAppend(PaxLoggingEvent event) {
        String logger = event.getLoggerName();
        if (logger == null || !logger.startsWith("org.tributary") || event.getLevel() == null
                || event.getLevel().getSyslogEquivalent() > SYSLOG_WARNING) {
            return;
        }
        String level = event.getLevel().getSyslogEquivalent() == SYSLOG_WARNING ? "WARN" : "ERROR";
        add(Instant.ofEpochMilli(event.getTimeStamp()) + " " + level + " " + logger + " - "
                + event.getRenderedMessage());
    }

    /** @param line a line to keep; the oldest goes when full */
    void add(String line) {
        synchronized (lines) {
            lines.addFirst(line);
            while (lines.size() > CAPACITY) {
                lines.removeLast();
            }
        }
    }

    @Override
    public List<String> recent(int max) {
        synchronized (lines) {
            List<String> out = new ArrayList<>(Math.min(max, lines.size()));
            Iterator<String> it = lines.iterator();
            while (it.hasNext() && out.size() < max) {
                out.add(it.next());
            }
            return out;
        }
    }
}
