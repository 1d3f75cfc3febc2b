package org.tributary.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Samples what a running server holds, to show that it does not leak: heap after a full GC and the
 * server's session count over JMX, and from {@code /proc} its RSS, threads, open files and UDP sockets.
 * One JMX connection is kept open for the sampler's life; close it when done.
 */
public final class ServerVitals implements AutoCloseable {

    private static final ObjectName MEMORY = name("java.lang:type=Memory");
    private static final ObjectName SERVER = name("org.tributary:type=Server");

    private final long pid;
    private final JMXConnector jmx;
    private final MBeanServerConnection beans;

    /** Connects to the server's MBean server as karaf/karaf. */
    public ServerVitals(TributaryDistribution server) throws IOException {
        this.pid = server.pid();
        this.jmx = JMXConnectorFactory.connect(new JMXServiceURL(server.jmxServiceUrl()),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"karaf", "karaf"}));
        this.beans = jmx.getMBeanServerConnection();
    }

    /** Runs a full GC in the server, then takes one sample. */
    public Vitals sample() {
        try {
            beans.invoke(MEMORY, "gc", null, null);
            MemoryUsage heap = MemoryUsage.from((CompositeData) beans.getAttribute(MEMORY, "HeapMemoryUsage"));
            long sessions = ((Number) beans.getAttribute(SERVER, "Sessions")).longValue();
            Set<Long> sockets = socketInodes();
            return new Vitals(heap.getUsed(), statusKilobytes("VmRSS:") * 1024, statusKilobytes("Threads:"),
                    fdCount(), udpSockets(sockets), sessions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException("JMX sample of process " + pid + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        jmx.close();
    }

    private long statusKilobytes(String field) throws IOException {
        for (String line : Files.readAllLines(proc("status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("/proc/" + pid + "/status has no " + field);
    }

    private int fdCount() throws IOException {
        try (Stream<Path> fds = Files.list(proc("fd"))) {
            return (int) fds.count();
        }
    }

    /** The inodes of the sockets the process holds ({@code socket:[N]} links under /proc/PID/fd). */
    private Set<Long> socketInodes() throws IOException {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(proc("fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // the fd closed between list and read: not held any more
                }
            }
        }
        return inodes;
    }

    /** Counts the process's sockets listed in /proc/net/udp and udp6 (the inode is the 10th column). */
    private static int udpSockets(Set<Long> inodes) throws IOException {
        int count = 0;
        for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            // read once: the table changes between two reads, and a shorter second read broke the sub-list
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 9 && inodes.contains(Long.parseLong(columns[9]))) {
                    count++;
                }
            }
        }
        return count;
    }

    private Path proc(String entry) {
        return Path.of("/proc", Long.toString(pid), entry);
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /**
     * One sample.
     *
     * @param heapAfterGcBytes heap in use right after a full GC
     * @param rssBytes resident set size of the server process
     * @param threads the process's threads
     * @param fds its open file descriptors (files, sockets, pipes)
     * @param udpSockets its UDP sockets
     * @param sessions the open sessions the server counts ({@code org.tributary:type=Server} Sessions)
     */
    public record Vitals(long heapAfterGcBytes, long rssBytes, long threads, int fds, int udpSockets, long sessions) {

        /** The column names of {@link #csvLine()}. */
        public static final String CSV_HEADER = "heap_after_gc_bytes,rss_bytes,threads,fds,udp_sockets,sessions";

        /** The sample as one CSV line in the order of {@link #CSV_HEADER}. */
        public String csvLine() {
            return heapAfterGcBytes + "," + rssBytes + "," + threads + "," + fds + "," + udpSockets + "," + sessions;
        }
    }
}
