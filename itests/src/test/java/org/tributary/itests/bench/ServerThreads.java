package org.tributary.itests.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.tributary.itests.support.ServerVitals.Vitals;
import org.tributary.itests.support.TributaryDistribution;

/**
 * The server's threads by name over JMX, digits stripped ({@code epollEventLoopGroup-7-2} counts as
 * {@code epollEventLoopGroup--}), to tell which kind of thread a step left behind. Some pools keep idle
 * threads a while, and {@link #withoutIdlePools} takes them out of a sample: each {@code bin/client} command
 * leaves a few threads of Karaf's SSH shell session ({@code session-N-thread-M}, ended after a minute idle),
 * every DESCRIBE may start one of the RTSP server's opening pool ({@code tributary-rtsp-open-N-M}, 30 s),
 * and JMX its RMI connection threads.
 */
final class ServerThreads implements AutoCloseable {

    /** The names, digits stripped, of the pools whose idle threads end by themselves a while later. */
    static final List<String> IDLE_POOLS = List.of("session--thread-", "tributary-rtsp-open--",
            "RMI TCP Connection(idle)");

    private final JMXConnector jmx;
    private final ThreadMXBean threads;

    /** Connects to the server's MBean server as karaf/karaf. */
    ServerThreads(TributaryDistribution server) throws IOException {
        jmx = JMXConnectorFactory.connect(new JMXServiceURL(server.jmxServiceUrl()),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"karaf", "karaf"}));
        threads = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    }

    /** Returns how many live threads bear each name, digits stripped. */
    Map<String, Long> byName() {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(Objects::nonNull)
                .map(ThreadInfo::getThreadName).map(name -> name.replaceAll("\\d+", ""))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    /** Returns the threads of the {@link #IDLE_POOLS} now alive. */
    long idlePoolThreads() {
        Map<String, Long> names = byName();
        return IDLE_POOLS.stream().mapToLong(pool -> names.getOrDefault(pool, 0L)).sum();
    }

    /** Returns {@code vitals} with the threads of the {@link #IDLE_POOLS} alive now taken out. */
    Vitals withoutIdlePools(Vitals vitals) {
        return new Vitals(vitals.heapAfterGcBytes(), vitals.rssBytes(), vitals.threads() - idlePoolThreads(),
                vitals.fds(), vitals.udpSockets(), vitals.sessions());
    }

    /** Returns the names whose count grew from {@code before} to {@code after}, with the growth ("name +2"). */
    static String grown(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L))
                .map(e -> e.getKey() + " +" + (e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws IOException {
        jmx.close();
    }
}
