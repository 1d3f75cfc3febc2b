package org.tributary.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessLog;
import org.tributary.api.StreamSession;

/**
 * Writes one {@link W3cLine} per finished session to the logger {@value #LOGGER} (pax-logging sends it to
 * its own rolling file, {@code data/log/tributary-access.log}, whose header names the fields: see
 * {@code etc/org.ops4j.pax.logging.cfg}) and keeps the newest {@value #KEPT} lines for the shell and the
 * console. Before a line goes to the file, the file's disk is checked for room ({@link DiskRoom}): on a
 * full disk the line is held back and karaf.log says so, rather than the logging system cutting a line
 * and complaining on the console only. Where the file is comes from the logging configuration.
 */
// immediate: every session that ends after the bundle starts is logged, whether or not anyone reads the log
@Component(service = {AccessLog.class, SessionListener.class}, immediate = true)
public class AccessLogImpl implements AccessLog, SessionListener {

    /** The logger of the access lines; the logging configuration gives it its own file. */
    public static final String LOGGER = "tributary.access";
    /** Lines kept in memory. */
    static final int KEPT = 500;

    /** The logging configuration's PID and the key of the access file's name in it. */
    static final String LOGGING_PID = "org.ops4j.pax.logging";
    static final String FILE_KEY = "log4j2.appender.access.fileName";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Logger OWN = LoggerFactory.getLogger(AccessLogImpl.class);
    private static final long FILE_CHECKED_EVERY = TimeUnit.SECONDS.toNanos(30);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final ArrayDeque<String> recent = new ArrayDeque<>(KEPT);
    private final DiskRoom room = new DiskRoom("Access log");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configAdmin;
    private Path file;
    private long fileReadAt;
    private boolean fileKnown;

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
        if (room.room(file(), line.getBytes(StandardCharsets.UTF_8).length + 1)) {
            LOG.info("{}", line);
        }
    }

    /** @return the access file as the logging configuration names it (read again every 30 s), or null */
    private synchronized Path file() {
        long now = System.nanoTime();
        if (!fileKnown || now - fileReadAt >= FILE_CHECKED_EVERY) {
            fileReadAt = now;
            fileKnown = true;
            file = configuredFile(configAdmin);
        }
        return file;
    }

    /** @return the file named by the logging configuration, its ${...} system properties replaced, or null */
    static Path configuredFile(ConfigurationAdmin admin) {
        if (admin == null) {
            return null;
        }
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + LOGGING_PID + ")");
            Object name = found == null || found[0].getProperties() == null ? null : found[0].getProperties().get(FILE_KEY);
            return name == null ? null : Path.of(withSystemProperties(name.toString().trim()));
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            OWN.debug("The access log's file is unknown: {}", e.toString());
            return null;
        }
    }

    /** Replaces each {@code ${name}} by the system property of that name (empty when it has none). */
    static String withSystemProperties(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(System.getProperty(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }
}
