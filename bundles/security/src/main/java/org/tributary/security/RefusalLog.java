package org.tributary.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * The log of refusals a client can cause with every request (a denied path, a wrong password, a
 * malformed header, a blocked address...), bounded so that no client can flood the log: each
 * refusal class (one call site's message format) is logged at most once per source address per
 * interval, and the next line of that class for that source says how many were left out, as in
 * {@code "... (37 more like this from 127.0.0.2 in the last 10 s)"}.
 *
 * <p>Memory is bounded too: at most {@code maxEntries} (source, class) pairs are remembered, the
 * least recently refused forgotten first (a forgotten pair is logged again at its next refusal).
 * Operator events (configuration, start and stop) do not belong here: log them directly.
 * Thread-safe.
 */
public final class RefusalLog {

    /** How long a source's refusal of one class is kept quiet after it was logged, by default. */
    public static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** How many (source, class) pairs are remembered, by default. */
    public static final int DEFAULT_MAX_ENTRIES = 1024;

    private enum Level { INFO, WARN }

    private record Key(String source, String format) {
    }

    private static final class Entry {
        long loggedAt;
        long suppressed;
    }

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<Key, Entry> entries;

    /** A log with the default interval and size, on the system's monotonic clock. */
    public RefusalLog(Logger log) {
        this(log, DEFAULT_INTERVAL_NANOS, DEFAULT_MAX_ENTRIES, System::nanoTime);
    }

    /**
     * @param log           where the lines go
     * @param intervalNanos the quiet time after a line, per source and class
     * @param maxEntries    the most (source, class) pairs remembered
     * @param nanoClock     monotonic time in nanoseconds
     */
    public RefusalLog(Logger log, long intervalNanos, int maxEntries, LongSupplier nanoClock) {
        if (intervalNanos <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("interval and size must be positive");
        }
        this.log = Objects.requireNonNull(log);
        this.intervalNanos = intervalNanos;
        this.nanoClock = Objects.requireNonNull(nanoClock);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * Logs a refusal at INFO level, unless the same refusal from the same source was logged within the
     * interval (then it is only counted).
     *
     * @param source    the client refused: an {@link InetAddress}, an {@link InetSocketAddress} or a
     *                  {@code host:port} text (the port is ignored), or any other object by its text
     * @param format    the SLF4J message format; it names the refusal class
     * @param arguments the format's arguments
     */
    public void info(Object source, String format, Object... arguments) {
        refuse(Level.INFO, source, format, arguments);
    }

    /** Like {@link #info} at WARN level. */
    public void warn(Object source, String format, Object... arguments) {
        refuse(Level.WARN, source, format, arguments);
    }

    /** @return the text a source is logged and counted by: the host address without a port */
    public static String sourceName(Object source) {
        if (source instanceof InetSocketAddress socket) {
            return socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString();
        }
        if (source instanceof InetAddress address) {
            return address.getHostAddress();
        }
        if (source instanceof SocketAddress other) {
            return other.toString();
        }
        return source instanceof String text ? withoutPort(text) : String.valueOf(source);
    }

    /**
     * Drops the port of a {@code host:port} text as {@code InetAddress.getHostAddress() + ":" + port} writes
     * it: one colon (IPv4 or a name), or eight (IPv6, always written in full there).
     */
    private static String withoutPort(String text) {
        long colons = text.chars().filter(c -> c == ':').count();
        int last = text.lastIndexOf(':');
        boolean port = (colons == 1 || colons == 8) && last < text.length() - 1
                && text.substring(last + 1).chars().allMatch(c -> c >= '0' && c <= '9');
        return port ? text.substring(0, last) : text;
    }

    private void refuse(Level level, Object source, String format, Object[] arguments) {
        if (!enabled(level)) {
            return;
        }
        String name = sourceName(source);
        long now = nanoClock.getAsLong();
        long suppressed;
        long quietNanos;
        synchronized (entries) {
            Key key = new Key(name, format);
            Entry entry = entries.get(key);
            if (entry != null && now - entry.loggedAt < intervalNanos) {
                entry.suppressed++;
                return;
            }
            if (entry == null) {
                entry = new Entry();
                entries.put(key, entry);
                quietNanos = 0;
            } else {
                quietNanos = now - entry.loggedAt;
            }
            suppressed = entry.suppressed;
            entry.suppressed = 0;
            entry.loggedAt = now;
        }
        if (suppressed == 0) {
            write(level, format, arguments);
        } else {
            write(level, format + "{}", withSuffix(arguments, " (" + suppressed + " more like this from " + name
                    + " in the last " + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(quietNanos)) + " s)"));
        }
    }

    /** Puts the suffix after the format's arguments, but before a trailing exception (SLF4J's rule). */
    private static Object[] withSuffix(Object[] arguments, String suffix) {
        int n = arguments.length;
        boolean throwable = n > 0 && arguments[n - 1] instanceof Throwable;
        Object[] out = Arrays.copyOf(arguments, n + 1);
        if (throwable) {
            out[n - 1] = suffix;
            out[n] = arguments[n - 1];
        } else {
            out[n] = suffix;
        }
        return out;
    }

    private boolean enabled(Level level) {
        return level == Level.INFO ? log.isInfoEnabled() : log.isWarnEnabled();
    }

    private void write(Level level, String format, Object[] arguments) {
        if (level == Level.INFO) {
            log.info(format, arguments);
        } else {
            log.warn(format, arguments);
        }
    }
}
